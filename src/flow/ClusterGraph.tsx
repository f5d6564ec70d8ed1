// The cluster as a graph (React Flow): node boxes with their pods, the node network, clients, load
// balancers and Services; packets move on a canvas layer above it, which the page puts in as a child
// (the graph knows nothing of packets). Positions live in the store (saved on drag), laid out
// automatically the first time.
import {
  applyNodeChanges,
  type AriaLabelConfig,
  Controls,
  Panel,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  useStore,
  useStoreApi,
  type FitViewOptions,
  type NodeChange,
  type OnSelectionChangeParams,
} from "@xyflow/react";
import "@xyflow/react/dist/base.css";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { T } from "../i18n/core";
import type { MessageKey } from "../i18n/en";
import { useT } from "../i18n/react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import {
  selectCluster,
  selectGraphView,
  selectPodCount,
  selectPositions,
  selectSelection,
  selectTheme,
} from "../store/selectors";
import { ClusterLoading } from "../ui/ClusterLoading";
import type { GraphView, PlaygroundStore, Position } from "../store/playgroundStore";
import { buildGraph, parseStatus, statusKey } from "./buildGraph";
import { runDevDemo } from "./devDemo";
import { GraphMenu, type MenuAt } from "./GraphMenu";
import type { GraphNode } from "./graphTypes";
import { drawnCluster, isFolded, namespacesOf } from "./graphView";
import { autoLayout } from "./layout";
import { menuEntries } from "./menu";
import { MenuContext, type MenuOpener } from "./menuContext";
import { edgeTypes, nodeTypes } from "./nodeTypes";
import "./flow.css";

const selectStatus = (s: PlaygroundStore) => statusKey(s.sim);
/** Fit with room for the buttons on top and the zoom controls on the left. */
const FIT: FitViewOptions = {
  padding: { top: "56px", right: "20px", bottom: "36px", left: "56px" },
  maxZoom: 1.25,
};
const PRO = { hideAttribution: true } as const;

interface ClusterGraphProps {
  /** How the graph is fitted into view (an embed fits tighter, and never below a readable zoom). */
  fit?: FitViewOptions;
  /**
   * An embed's graph: no layout buttons or legend over it, small zoom buttons, and the mouse wheel left
   * to the host page's scrolling (a reader scrolling the post past the embed must not zoom it instead).
   */
  compact?: boolean;
  /** Layers drawn inside the graph's viewport, above the boxes (the packet layer). */
  children?: ReactNode;
}

export function ClusterGraph({ fit = FIT, compact = false, children }: ClusterGraphProps) {
  const cluster = usePlayground(selectCluster);
  const theme = usePlayground(selectTheme);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const opener = useMemo<MenuOpener>(() => ({ open: (id, x, y) => setMenu({ id, x, y }) }), []);

  if (!cluster) return <ClusterLoading />;
  return (
    <MenuContext.Provider value={opener}>
      <Graph colorMode={theme} onMenu={opener.open} fit={fit} compact={compact}>
        {children}
      </Graph>
      {menu && <GraphMenu at={menu} onClose={closeMenu} />}
    </MenuContext.Provider>
  );
}

function Graph({
  colorMode,
  onMenu,
  fit,
  compact,
  children,
}: {
  colorMode: "light" | "dark";
  onMenu: (id: string, x: number, y: number) => void;
  fit: FitViewOptions;
  compact: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const aria = useMemo(() => ariaLabels(t), [t]);
  const store = usePlaygroundApi();
  const cluster = usePlayground(selectCluster)!;
  const status = usePlayground(selectStatus);
  const positions = usePlayground(selectPositions);
  const selection = usePlayground(selectSelection);

  const view = usePlayground(selectGraphView);
  const built = useMemo(
    () => buildGraph({ cluster, status: parseStatus(status), positions, selection, view }),
    [cluster, status, positions, selection, view],
  );
  // React Flow owns the nodes while they are dragged; a new picture replaces them, keeping sizes measured.
  const [nodes, setNodes] = useState<GraphNode[]>(built.nodes);
  const [shownBuilt, setShownBuilt] = useState(built);
  if (built !== shownBuilt) {
    setShownBuilt(built);
    setNodes(keepMeasured(built.nodes, nodes));
  }

  const onNodesChange = useCallback(
    (changes: NodeChange<GraphNode>[]) => {
      setNodes((nds) => applyNodeChanges(changes, nds));
      const moved: Record<string, Position> = {};
      for (const c of changes)
        if (c.type === "position" && c.position && !c.dragging)
          moved[c.id] = { x: c.position.x, y: c.position.y };
      if (Object.keys(moved).length) {
        const s = store.getState();
        s.setPositions({ ...s.positions, ...moved });
      }
    },
    [store],
  );
  const onSelectionChange = useCallback(
    ({ nodes: sel }: OnSelectionChangeParams) => {
      const id = sel[0]?.id ?? null;
      if (store.getState().selection !== id) store.getState().select(id);
    },
    [store],
  );
  const onNodeContextMenu = useCallback(
    (e: React.MouseEvent, node: GraphNode) => {
      const s = store.getState();
      if (!menuEntries(node.id, s.cluster, s.sim).length) return;
      e.preventDefault();
      s.select(node.id);
      onMenu(node.id, e.clientX, e.clientY);
    },
    [store, onMenu],
  );

  return (
    <ReactFlow<GraphNode>
      className="kh-flow"
      nodes={nodes}
      edges={built.edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onSelectionChange={onSelectionChange}
      onNodeContextMenu={onNodeContextMenu}
      colorMode={colorMode}
      minZoom={0.15}
      maxZoom={2.5}
      nodesConnectable={false}
      deleteKeyCode={null}
      proOptions={PRO}
      ariaLabelConfig={aria}
      zoomOnScroll={!compact}
      preventScrolling={!compact}
    >
      {children}
      <LayoutPanel fit={fit} buttons={!compact} />
      <Controls
        showInteractive={false}
        position="bottom-left"
        orientation={compact ? "horizontal" : "vertical"}
        fitViewOptions={compact ? fit : undefined}
      />
      {!compact && <Legend />}
    </ReactFlow>
  );
}

const DIRECTION_WORDS: Record<string, MessageKey> = {
  up: "flow.aria.dir.up",
  down: "flow.aria.dir.down",
  left: "flow.aria.dir.left",
  right: "flow.aria.dir.right",
};

/** React Flow's own words (keyboard help, the zoom buttons) in the page's language. */
function ariaLabels(t: T): Partial<AriaLabelConfig> {
  const way = (direction: string) => {
    const key = DIRECTION_WORDS[direction];
    return key ? t(key) : direction;
  };
  return {
    "node.a11yDescription.default": t("flow.aria.node"),
    "node.a11yDescription.keyboardDisabled": t("flow.aria.nodeMove"),
    "node.a11yDescription.ariaLiveMessage": ({ direction, x, y }) =>
      t("flow.aria.moved", { direction: way(direction), x, y }),
    "controls.ariaLabel": t("flow.aria.controls"),
    "controls.zoomIn.ariaLabel": t("flow.aria.zoomIn"),
    "controls.zoomOut.ariaLabel": t("flow.aria.zoomOut"),
    "controls.fitView.ariaLabel": t("flow.aria.fitView"),
  };
}

/**
 * Keeps React Flow's measured sizes on rebuilt nodes, so boxes do not blink while re-measured; and keeps
 * the shown node itself where nothing drawn changed, so React Flow does not render it again.
 */
function keepMeasured(next: GraphNode[], prev: GraphNode[]): GraphNode[] {
  const old = new Map(prev.map((n) => [n.id, n]));
  return next.map((n) => {
    const o = old.get(n.id);
    if (!o) return n;
    // Nothing drawn changed (the first layout storing the positions it drew, a status update that left
    // this box alone): the shown object stays, and React Flow skips it.
    const { measured, dragging: _dragging, resizing: _resizing, ...drawn } = o;
    if (JSON.stringify(drawn) === JSON.stringify(n)) return o;
    return measured ? ({ ...n, measured } as GraphNode) : n;
  });
}

/** "Auto layout", and the first layout and fit when nothing is saved. */
function LayoutPanel({ fit, buttons }: { fit: FitViewOptions; buttons: boolean }) {
  const t = useT();
  const store = usePlaygroundApi();
  const rf = useReactFlow();
  const initialized = useNodesInitialized();
  const empty = usePlayground((s) => Object.keys(s.positions).length === 0);
  const wantFit = useRef(true);
  const demoDone = useRef(false);
  const flow = useStoreApi();
  const podCount = usePlayground(selectPodCount);
  const boxCount = useStore((s) => s.nodeLookup.size);

  const layout = useCallback(() => {
    const { cluster: c, graphView } = store.getState();
    if (!c) return;
    store.getState().setPositions(autoLayout(drawnCluster(c, graphView).cluster).positions);
    wantFit.current = true;
  }, [store]);

  useEffect(() => {
    if (empty) layout();
  }, [empty, layout]);

  useEffect(() => {
    if (!initialized || !wantFit.current) return;
    wantFit.current = false;
    // After the new positions reach React Flow's store.
    requestAnimationFrame(() => void rf.fitView(fit));
    if (!demoDone.current) {
      demoDone.current = true;
      runDevDemo(store);
    }
  });

  // Pods came or went (a scale-up, a replacement), or a box was added (a Service, a load balancer): when
  // the graph fitted before and no longer does, it is fitted again rather than left running off the
  // edge. A view the person zoomed into stays as it is.
  const fitted = useRef(true);
  useEffect(() => {
    // After React Flow has measured the grown boxes.
    const id = setTimeout(() => {
      const { width, height } = flow.getState();
      const box = rf.getNodesBounds(rf.getNodes());
      const { x, y, zoom } = rf.getViewport();
      const fits =
        box.x * zoom + x >= 0 &&
        box.y * zoom + y >= 0 &&
        (box.x + box.width) * zoom + x <= width &&
        (box.y + box.height) * zoom + y <= height;
      if (box.width === 0) return;
      if (!fits && fitted.current) void rf.fitView({ ...fit, duration: 300 });
      else fitted.current = fits;
    }, 200);
    return () => clearTimeout(id);
  }, [podCount, boxCount, rf, flow, fit]);

  if (!buttons) return null;
  return (
    <Panel position="top-right" className="kh-flow-panel">
      <ViewControls onChange={layout} />
      <button type="button" className="kh-button" onClick={layout}>
        {t("flow.autoLayout")}
      </button>
      <button type="button" className="kh-button" onClick={() => void rf.fitView({ ...fit, duration: 300 })}>
        {t("flow.fitView")}
      </button>
    </Panel>
  );
}

/**
 * For clusters too big to draw whole (an imported one): the namespace to show, and folding every node's
 * pods into a count or showing them all. Each change lays the graph out again, as the boxes change.
 */
function ViewControls({ onChange }: { onChange: () => void }) {
  const t = useT();
  const store = usePlaygroundApi();
  const cluster = usePlayground(selectCluster);
  const view = usePlayground(selectGraphView);
  const namespaces = useMemo(() => (cluster ? namespacesOf(cluster) : []), [cluster]);
  if (!cluster) return null;
  const anyShown = cluster.nodes.some(
    (n) => !isFolded(cluster, view, n.name) && cluster.pods.some((p) => p.node === n.name),
  );
  const change = (patch: Partial<GraphView>) => {
    store.getState().setGraphView(patch);
    onChange();
  };
  return (
    <>
      {namespaces.length > 1 && (
        <select
          className="kh-button kh-flow-namespace"
          aria-label={t("flow.namespace")}
          title={t("flow.namespace")}
          value={view.namespace ?? ""}
          onChange={(e) => change({ namespace: e.target.value || null })}
        >
          <option value="">{t("flow.namespace.all")}</option>
          {namespaces.map((n) => (
            <option key={n.name} value={n.name}>
              {t("flow.namespace.option", n)}
            </option>
          ))}
        </select>
      )}
      {cluster.pods.length > 0 && (
        <button
          type="button"
          className="kh-button"
          onClick={() =>
            change({ collapsed: Object.fromEntries(cluster.nodes.map((n) => [n.name, anyShown])) })
          }
        >
          {t(anyShown ? "flow.foldAll" : "flow.unfoldAll")}
        </button>
      )}
    </>
  );
}

function Legend() {
  const t = useT();
  return (
    <Panel position="bottom-right" className="kh-legend" aria-label={t("flow.legend")}>
      <span>
        <i className="kh-legend__dot" /> {t("flow.legend.request")}
      </span>
      <span>
        <i className="kh-legend__ring" /> {t("flow.legend.reply")}
      </span>
      <span>
        <i className="kh-legend__diamond" /> {t("flow.legend.dns")}
      </span>
      <span className="kh-legend__muted">{t("flow.legend.colour")}</span>
    </Panel>
  );
}
