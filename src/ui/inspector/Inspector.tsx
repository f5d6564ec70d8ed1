// The Inspector tab: the selected object's facts, its actions, what kube-proxy and discovery make of
// it, and its YAML. With nothing selected, a list of everything to pick from.
import { memo, type ReactNode, useMemo } from "react";
import { usePlayground, usePlaygroundApi } from "../../store/context";
import type { PlaygroundStore } from "../../store/playgroundStore";
import { placeName } from "../format";
import { Icon } from "../icons";
import { NodeActions, PodActions, ServiceActions } from "./Actions";
import { EndpointList } from "./EndpointList";
import { ObjectYamlView } from "./ObjectYamlView";
import { PodDiscovery } from "./PodDiscovery";
import { Facts, Section } from "./Section";
import { ServiceRules } from "./ServiceRules";
import { parseSelection, type ParsedSelection } from "./selection";

const selectSelection = (s: PlaygroundStore) => s.selection;
const selectCluster = (s: PlaygroundStore) => s.cluster;

const KIND_WORD = {
  svc: "Service",
  pod: "Pod",
  node: "Node",
  client: "Client",
  lb: "Load balancer",
} as const;

export function Inspector() {
  const api = usePlaygroundApi();
  const selection = usePlayground(selectSelection);
  const sel = useMemo(() => parseSelection(selection), [selection]);
  if (!sel) return <ObjectPicker />;
  return (
    <div className="kh-inspector">
      <header className="kh-insp-head">
        <span className={`kh-kind kh-kind-${sel.kind}`}>{KIND_WORD[sel.kind]}</span>
        <h2 className="kh-insp-name">{sel.name.replace(/^default\//, "")}</h2>
        <button
          type="button"
          className="kh-btn kh-btn-icon kh-btn-quiet"
          aria-label="Clear selection"
          title="Clear selection"
          onClick={() => api.getState().select(null)}
        >
          <Icon name="close" />
        </button>
      </header>
      <Body sel={sel} />
      <ObjectYamlView sel={sel} />
    </div>
  );
}

function Missing({ what }: { what: string }) {
  return (
    <p className="kh-empty">{what} is not in the cluster (any more). Pick something else on the graph.</p>
  );
}

function Body({ sel }: { sel: ParsedSelection }) {
  switch (sel.kind) {
    case "svc":
      return <ServiceView name={sel.name} />;
    case "lb":
      return <LoadBalancerView name={sel.name} />;
    case "pod":
      return <PodView name={sel.name} />;
    case "node":
      return <NodeView name={sel.name} />;
    case "client":
      return <ClientView name={sel.name} />;
  }
}

function ServiceView({ name }: { name: string }) {
  const svc = usePlayground((s: PlaygroundStore) => s.cluster?.services.find((x) => x.name === name));
  if (!svc) return <Missing what={`Service ${name}`} />;
  const ports = svc.ports
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol}`)
    .join(", ");
  const mono = (t: string) => <span className="kh-mono">{t}</span>;
  const items: [string, ReactNode][] = [["Type", svc.type]];
  if (svc.clusterIP) items.push(["ClusterIP", mono(svc.clusterIP)]);
  items.push(["Ports", mono(ports || "none")]);
  if (svc.loadBalancerIPs.length) items.push(["LB IPs", mono(svc.loadBalancerIPs.join(", "))]);
  if (svc.externalName) items.push(["External name", mono(svc.externalName)]);
  items.push([
    "Selector",
    svc.selector
      ? mono(
          Object.entries(svc.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(", "),
        )
      : "none (endpoints by hand)",
  ]);
  return (
    <>
      <Facts items={items} />
      <ServiceActions svc={svc} />
      <Section title="Endpoints">
        <EndpointList service={name} />
      </Section>
      <ServiceRules service={name} />
    </>
  );
}

function LoadBalancerView({ name }: { name: string }) {
  const api = usePlaygroundApi();
  const svc = usePlayground((s: PlaygroundStore) => s.cluster?.services.find((x) => x.name === name));
  if (!svc) return <Missing what={`Service ${name}`} />;
  return (
    <>
      <p className="kh-small">
        The cloud load balancer of Service <strong>{placeName(`svc:${name}`)}</strong>: it sends each
        connection to a node&apos;s NodePort, skipping nodes whose health check fails.
      </p>
      <Facts
        items={[["IPs", <span className="kh-mono">{svc.loadBalancerIPs.join(", ") || "pending"}</span>]]}
      />
      <button type="button" className="kh-btn" onClick={() => api.getState().select(`svc:${name}`)}>
        Inspect the Service
      </button>
    </>
  );
}

function PodView({ name }: { name: string }) {
  const pod = usePlayground((s: PlaygroundStore) => s.cluster?.pods.find((p) => p.name === name));
  if (!pod) return <Missing what={`Pod ${name}`} />;
  const state = pod.terminating ? "Terminating" : pod.ready ? "Ready" : pod.phase;
  const tone = pod.terminating ? "warn" : pod.ready ? "ok" : "bad";
  return (
    <>
      <Facts
        items={[
          ["Status", <span className={`kh-badge kh-tone-${tone}`}>{state}</span>],
          ["Pod IP", <span className="kh-mono">{pod.ip ?? "none yet"}</span>],
          ["Node", pod.node ?? "not scheduled"],
          [
            "Labels",
            <span className="kh-mono">
              {Object.entries(pod.labels)
                .filter(([k]) => k !== "pod-template-hash")
                .map(([k, v]) => `${k}=${v}`)
                .join(", ") || "none"}
            </span>,
          ],
          ["Owner", pod.owner ? `Deployment ${placeName(`x:${pod.owner}`)}` : "none"],
        ]}
      />
      <PodActions pod={name} owner={pod.owner} />
      <PodDiscovery pod={name} />
    </>
  );
}

function NodeView({ name }: { name: string }) {
  const node = usePlayground((s: PlaygroundStore) => s.cluster?.nodes.find((n) => n.name === name));
  const status = usePlayground((s: PlaygroundStore) => s.sim?.nodes.find((n) => n.name === name));
  const podCount = usePlayground(
    (s: PlaygroundStore) => s.cluster?.pods.filter((p) => p.node === name).length ?? 0,
  );
  if (!node) return <Missing what={`Node ${name}`} />;
  const state = !status ? "…" : !status.up ? "Down" : status.ready ? "Ready" : "NotReady";
  const tone = !status ? "muted" : !status.up ? "bad" : status.ready ? "ok" : "warn";
  return (
    <>
      <Facts
        items={[
          ["Status", <span className={`kh-badge kh-tone-${tone}`}>{state}</span>],
          ["InternalIP", <span className="kh-mono">{node.ip}</span>],
          ["Pod CIDR", <span className="kh-mono">{node.podCIDR ?? "none"}</span>],
          ["Zone", node.zone ?? "none"],
          ["Pods", String(podCount)],
        ]}
      />
      {status && !status.up && (
        <p className="kh-small kh-muted">
          Packets sent to a dead node vanish. After the node monitor grace period (50 s) it turns NotReady and
          its endpoints stop being ready; its pods are evicted after 300 s.
        </p>
      )}
      <NodeActions node={name} />
    </>
  );
}

function ClientView({ name }: { name: string }) {
  const client = usePlayground((s: PlaygroundStore) => s.cluster?.clients.find((c) => c.name === name));
  if (!client) return <Missing what={`Client ${name}`} />;
  return (
    <>
      <Facts items={[["IP", <span className="kh-mono">{client.ip}</span>]]} />
      <p className="kh-small kh-muted">
        A machine outside the cluster. It reaches Services through a node&apos;s NodePort or a load balancer,
        never through a ClusterIP.
      </p>
    </>
  );
}

const ObjectPicker = memo(function ObjectPicker() {
  const api = usePlaygroundApi();
  const cluster = usePlayground(selectCluster);
  if (!cluster) return <p className="kh-empty">Loading the cluster…</p>;
  const groups: [string, string[]][] = [
    ["Services", cluster.services.map((s) => `svc:${s.name}`)],
    ["Nodes", cluster.nodes.map((n) => `node:${n.name}`)],
    ["Pods", cluster.pods.map((p) => `pod:${p.name}`)],
    ["Clients", cluster.clients.map((c) => `client:${c.name}`)],
  ];
  return (
    <div className="kh-picker">
      <p className="kh-small kh-muted">Select a node, pod or Service on the graph, or pick one here.</p>
      {groups
        .filter(([, ids]) => ids.length)
        .map(([title, ids]) => (
          <Section key={title} title={title}>
            <ul className="kh-pick-list">
              {ids.map((id) => (
                <li key={id}>
                  <button type="button" className="kh-pick" onClick={() => api.getState().select(id)}>
                    {placeName(id).replace(/^svc /, "")}
                  </button>
                </li>
              ))}
            </ul>
          </Section>
        ))}
    </div>
  );
});
