import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useT } from "../../i18n/react";
import { usePlaygroundApi } from "../../store/context";
import type { K8sNodeNode } from "../graphTypes";
import { MoreButton } from "./MoreButton";
import { SourcePort } from "./Ports";

export const K8sNodeBox = memo(function K8sNodeBox({ id, data }: NodeProps<K8sNodeNode>) {
  const t = useT();
  const state = !data.up ? "down" : !data.ready ? "notready" : "ok";
  return (
    <div className="kh-node" data-state={state}>
      <SourcePort />
      <div className="kh-node__head">
        <span className="kh-node__icon" aria-hidden="true">
          <ServerIcon />
        </span>
        <div className="kh-node__title">
          <span className="kh-node__name">{data.name}</span>
          <span className="kh-node__ip">{data.ip}</span>
        </div>
        <div className="kh-node__badges">
          {/* One badge: a node that stopped answering is "down" until the control plane marks it NotReady. */}
          {!data.ready ? (
            <span className="kh-badge kh-badge--warn" title={data.up ? undefined : t("flow.node.downTitle")}>
              NotReady
            </span>
          ) : !data.up ? (
            <span className="kh-badge kh-badge--bad" title={t("flow.node.downSoonTitle")}>
              {t("flow.node.down")}
            </span>
          ) : null}
          {state === "ok" && data.zone && <span className="kh-badge kh-badge--muted">{data.zone}</span>}
        </div>
        {(data.pods > 0 || data.folded) && <FoldButton name={data.name} folded={!!data.folded} />}
        <MoreButton id={id} kind="node" name={data.name} />
      </div>
      {data.folded ? (
        <div className="kh-node__folded" data-notready={data.folded.notReady > 0 || undefined}>
          {t("flow.node.foldedPods", { count: data.folded.pods })}
          {data.folded.notReady > 0 && (
            <> · {t("flow.node.foldedNotReady", { count: data.folded.notReady })}</>
          )}
        </div>
      ) : (
        data.pods === 0 && (
          <div
            className="kh-node__empty"
            title={data.systemPods > 0 ? t("flow.node.systemPodsTitle") : undefined}
          >
            {data.systemPods > 0
              ? t("flow.node.systemPods", { count: data.systemPods })
              : t("flow.node.noPods")}
          </div>
        )
      )}
    </div>
  );
});

/** Folds the box's pods into a count, or shows them again. */
function FoldButton({ name, folded }: { name: string; folded: boolean }) {
  const t = useT();
  const api = usePlaygroundApi();
  return (
    <button
      type="button"
      className="kh-node__fold nodrag"
      aria-expanded={!folded}
      aria-label={t(folded ? "flow.node.showPods" : "flow.node.foldPods", { node: name })}
      title={t(folded ? "flow.node.showPods" : "flow.node.foldPods", { node: name })}
      onClick={(e) => {
        e.stopPropagation();
        const s = api.getState();
        s.setGraphView({ collapsed: { ...s.graphView.collapsed, [name]: !folded } });
      }}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path
          d={folded ? "M6 3.5 10.5 8 6 12.5" : "M3.5 6 8 10.5 12.5 6"}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        />
      </svg>
    </button>
  );
}

function ServerIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16">
      <rect
        x="1.5"
        y="2"
        width="13"
        height="5"
        rx="1.2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
      <rect
        x="1.5"
        y="9"
        width="13"
        height="5"
        rx="1.2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
      <circle cx="4.5" cy="4.5" r="0.9" fill="currentColor" />
      <circle cx="4.5" cy="11.5" r="0.9" fill="currentColor" />
    </svg>
  );
}
