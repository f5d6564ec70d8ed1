// The Inspector tab: the selected object's facts, its actions, what kube-proxy and discovery make of
// it, and its YAML. With nothing selected, a list of everything to pick from.
import { memo, type ReactNode, useMemo } from "react";
import { shortName } from "../../scene/ids";
import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/react";
import { usePlayground, usePlaygroundApi } from "../../store/context";
import { selectCluster, selectGraphView, selectSelection } from "../../store/selectors";
import { inSystemNamespace, SYSTEM_NAMESPACE } from "../../protocol/nsName";
import type { PlaygroundStore } from "../../store/playgroundStore";
import { shortPlaceName } from "../format";
import { Icon } from "../icons";
import { rich } from "../rich";
import { NodeActions, PodActions, ServiceActions } from "./Actions";
import { EndpointList } from "./EndpointList";
import { ObjectYamlView } from "./ObjectYamlView";
import { PodDiscovery } from "./PodDiscovery";
import { Facts, Section } from "./Section";
import { ServiceRules } from "./ServiceRules";
import { parseSelection, type ParsedSelection } from "./selection";
import { placeId } from "../../protocol/placeId";

const KIND_WORD: Record<ParsedSelection["kind"], MessageKey> = {
  svc: "inspector.kind.svc",
  pod: "inspector.kind.pod",
  node: "inspector.kind.node",
  client: "inspector.kind.client",
  lb: "inspector.kind.lb",
};

export function Inspector() {
  const t = useT();
  const api = usePlaygroundApi();
  const selection = usePlayground(selectSelection);
  const sel = useMemo(() => parseSelection(selection), [selection]);
  if (!sel) return <ObjectPicker />;
  return (
    <div className="kh-inspector">
      <header className="kh-insp-head">
        <span className={`kh-kind kh-kind-${sel.kind}`}>{t(KIND_WORD[sel.kind])}</span>
        <h2 className="kh-insp-name">{sel.name.replace(/^default\//, "")}</h2>
        <button
          type="button"
          className="kh-btn kh-btn-icon kh-btn-quiet"
          aria-label={t("inspector.clear")}
          title={t("inspector.clear")}
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

function Missing({ kind, name }: { kind: string; name: string }) {
  const t = useT();
  return <p className="kh-empty">{t("inspector.missing", { kind, name })}</p>;
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
  const t = useT();
  const svc = usePlayground((s: PlaygroundStore) => s.cluster?.services.find((x) => x.name === name));
  if (!svc) return <Missing kind="Service" name={name} />;
  const ports = svc.ports
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol}`)
    .join(", ");
  const mono = (text: string) => <span className="kh-mono">{text}</span>;
  const items: [string, ReactNode][] = [[t("inspector.type"), svc.type]];
  if (svc.clusterIP) items.push(["ClusterIP", mono(svc.clusterIP)]);
  items.push([t("inspector.ports"), ports ? mono(ports) : t("inspector.none")]);
  if (svc.loadBalancerIPs.length) items.push([t("inspector.lbIPs"), mono(svc.loadBalancerIPs.join(", "))]);
  if (svc.externalName) items.push([t("inspector.externalName"), mono(svc.externalName)]);
  items.push([
    t("inspector.selector"),
    svc.selector
      ? mono(
          Object.entries(svc.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(", "),
        )
      : t("inspector.noSelector"),
  ]);
  return (
    <>
      <Facts items={items} />
      <ServiceActions svc={svc} />
      <Section title={t("inspector.endpoints")}>
        <EndpointList service={name} />
      </Section>
      <ServiceRules service={name} />
    </>
  );
}

function LoadBalancerView({ name }: { name: string }) {
  const t = useT();
  const api = usePlaygroundApi();
  const svc = usePlayground((s: PlaygroundStore) => s.cluster?.services.find((x) => x.name === name));
  if (!svc) return <Missing kind="Service" name={name} />;
  return (
    <>
      <p className="kh-small">
        {rich(t("inspector.lbAbout"), { service: <strong>{shortName(name)}</strong> })}
      </p>
      <Facts
        items={[
          [
            t("inspector.ips"),
            svc.loadBalancerIPs.length ? (
              <span className="kh-mono">{svc.loadBalancerIPs.join(", ")}</span>
            ) : (
              t("inspector.pending")
            ),
          ],
        ]}
      />
      <button type="button" className="kh-btn" onClick={() => api.getState().select(placeId("svc", name))}>
        {t("inspector.inspectService")}
      </button>
    </>
  );
}

function PodView({ name }: { name: string }) {
  const t = useT();
  const pod = usePlayground((s: PlaygroundStore) => s.cluster?.pods.find((p) => p.name === name));
  if (!pod) return <Missing kind="Pod" name={name} />;
  const labels = Object.entries(pod.labels)
    .filter(([k]) => k !== "pod-template-hash")
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  const state = pod.terminating ? "Terminating" : pod.ready ? "Ready" : pod.phase;
  const tone = pod.terminating ? "warn" : pod.ready ? "ok" : "bad";
  return (
    <>
      <Facts
        items={[
          [t("inspector.status"), <span className={`kh-badge kh-tone-${tone}`}>{state}</span>],
          [t("inspector.podIP"), pod.ip ? <span className="kh-mono">{pod.ip}</span> : t("inspector.noneYet")],
          [t("inspector.node"), pod.node ?? t("inspector.notScheduled")],
          [t("inspector.labels"), labels ? <span className="kh-mono">{labels}</span> : t("inspector.none")],
          [t("inspector.owner"), pod.owner ? `Deployment ${shortName(pod.owner)}` : t("inspector.none")],
        ]}
      />
      <PodActions pod={name} owner={pod.owner} />
      <PodDiscovery pod={name} />
    </>
  );
}

function NodeView({ name }: { name: string }) {
  const t = useT();
  const node = usePlayground((s: PlaygroundStore) => s.cluster?.nodes.find((n) => n.name === name));
  const status = usePlayground((s: PlaygroundStore) => s.sim?.nodes.find((n) => n.name === name));
  const podCount = usePlayground(
    (s: PlaygroundStore) => s.cluster?.pods.filter((p) => p.node === name).length ?? 0,
  );
  if (!node) return <Missing kind="Node" name={name} />;
  const state = !status ? "…" : !status.up ? t("inspector.down") : status.ready ? "Ready" : "NotReady";
  const tone = !status ? "muted" : !status.up ? "bad" : status.ready ? "ok" : "warn";
  return (
    <>
      <Facts
        items={[
          [t("inspector.status"), <span className={`kh-badge kh-tone-${tone}`}>{state}</span>],
          ["InternalIP", <span className="kh-mono">{node.ip}</span>],
          [
            t("inspector.podCIDR"),
            node.podCIDR ? <span className="kh-mono">{node.podCIDR}</span> : t("inspector.none"),
          ],
          [t("inspector.zone"), node.zone ?? t("inspector.none")],
          [t("inspector.pods"), String(podCount)],
        ]}
      />
      {status && !status.up && <p className="kh-small kh-muted">{t("inspector.nodeDown")}</p>}
      <NodeActions node={name} />
    </>
  );
}

function ClientView({ name }: { name: string }) {
  const t = useT();
  const client = usePlayground((s: PlaygroundStore) => s.cluster?.clients.find((c) => c.name === name));
  if (!client) return <Missing kind={t("inspector.kind.client")} name={name} />;
  return (
    <>
      <Facts items={[["IP", <span className="kh-mono">{client.ip}</span>]]} />
      <p className="kh-small kh-muted">{t("inspector.clientAbout")}</p>
    </>
  );
}

const ObjectPicker = memo(function ObjectPicker() {
  const t = useT();
  const api = usePlaygroundApi();
  const cluster = usePlayground(selectCluster);
  const namespace = usePlayground(selectGraphView).namespace;
  if (!cluster) return <p className="kh-empty">{t("ui.loadingCluster")}</p>;
  // kube-system (CoreDNS) is listed, as the graph draws it, only when it is the namespace picked.
  const listed = (name: string) => namespace === SYSTEM_NAMESPACE || !inSystemNamespace(name);
  const groups: [string, string[]][] = [
    [
      t("inspector.services"),
      cluster.services.filter((s) => listed(s.name)).map((s) => placeId("svc", s.name)),
    ],
    [t("inspector.nodes"), cluster.nodes.map((n) => placeId("node", n.name))],
    [t("inspector.pods"), cluster.pods.filter((p) => listed(p.name)).map((p) => placeId("pod", p.name))],
    [t("inspector.clients"), cluster.clients.map((c) => placeId("client", c.name))],
  ];
  return (
    <div className="kh-picker">
      <p className="kh-small kh-muted">{t("inspector.pick")}</p>
      {groups
        .filter(([, ids]) => ids.length)
        .map(([title, ids]) => (
          <Section key={title} title={title}>
            <ul className="kh-pick-list">
              {ids.map((id) => (
                <li key={id}>
                  <button type="button" className="kh-pick" onClick={() => api.getState().select(id)}>
                    {shortPlaceName(id).replace(/^svc /, "")}
                  </button>
                </li>
              ))}
            </ul>
          </Section>
        ))}
    </div>
  );
});
