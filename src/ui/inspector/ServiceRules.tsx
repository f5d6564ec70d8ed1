// A Service as kube-proxy programs it on one node: sample packets walked through the rules (which
// chains, which endpoints with what chance, masquerade or not), then the chains as iptables-save prints
// them (or, in nftables mode, the Service's chains, sets and maps as `nft list table` prints them).
import { memo, useState } from "react";
import type { MessageKey } from "../../i18n/en";
import { useLang, useT } from "../../i18n/react";
import type { T } from "../../i18n/core";
import type { InspectedChain, InspectedSample, SampleKind } from "../../protocol/messages";
import { hopCaption } from "../../scene/captions";
import { usePlayground } from "../../store/context";
import { selectNodes } from "../../store/selectors";
import type { PlaygroundStore } from "../../store/playgroundStore";
import { percent, shortPlaceName } from "../format";
import { Fold, Section } from "./Section";
import { useInspection } from "./useInspection";
import { placeId } from "../../protocol/placeId";

/** The node to look at first: the one the traffic target names, else the first that runs a pod. */
const selectDefaultNode = (s: PlaygroundStore): string | undefined => {
  const c = s.cluster;
  if (!c) return undefined;
  const ip = s.traffic.to.replace(/:\d+$/, "");
  return (c.nodes.find((n) => n.ip === ip) ?? c.nodes.find((n) => c.pods.some((p) => p.node === n.name)))
    ?.name;
};

/** iptables targets keep their own names; only "no rule" is words. */
const ACTION_WORDS: Record<InspectedSample["action"], { label: MessageKey | null; tone: string }> = {
  dnat: { label: null, tone: "info" },
  reject: { label: null, tone: "bad" },
  drop: { label: null, tone: "bad" },
  accept: { label: null, tone: "ok" },
  pass: { label: "inspector.noRule", tone: "muted" },
};

export function ServiceRules({ service }: { service: string }) {
  const t = useT();
  const nodes = usePlayground(selectNodes);
  const fallback = usePlayground(selectDefaultNode);
  const [picked, setNode] = useState<string | undefined>(undefined);
  const node = picked ?? fallback;
  // Endpoints and the cluster change the rules: ask again when they do.
  const refresh = usePlayground(
    (s: PlaygroundStore) => `${s.appliedYaml.length}|${JSON.stringify(s.sim?.endpoints[service] ?? null)}`,
  );
  const state = useInspection(placeId("svc", service), node, refresh);
  const result = state.status === "ok" && state.result.kind === "service" ? state.result : null;
  const chosen = node ?? result?.node ?? nodes?.[0]?.name ?? "";
  return (
    <Section
      title={result ? t("inspector.rulesMode", { mode: result.mode }) : t("inspector.rules")}
      aside={
        <label className="kh-field kh-field-inline">
          <span className="kh-field-label">{t("inspector.rulesOn")}</span>
          <select
            className="kh-select"
            aria-label={t("inspector.rulesNode")}
            value={chosen}
            onChange={(e) => setNode(e.target.value)}
          >
            {(nodes ?? []).map((n) => (
              <option key={n.name} value={n.name}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
      }
    >
      {state.status === "loading" && <p className="kh-muted kh-small">{t("inspector.readingRules")}</p>}
      {state.status === "error" && <p className="kh-error kh-small">{state.error}</p>}
      {result && result.chains.length === 0 && <p className="kh-muted kh-small">{t("inspector.noRules")}</p>}
      {result?.samples.map((s) => (
        <SampleCard key={s.label.kind} s={s} node={result.node} />
      ))}
      {result && result.chains.length > 0 && (
        <Fold
          title={t(result.mode === "nftables" ? "inspector.nftList" : "inspector.iptablesSave", {
            node: result.node,
            family: result.chains[0]?.table.split(" ")[0] ?? "ip",
            count: result.chains.reduce((a, c) => a + c.lines.length, 0),
          })}
        >
          <ChainList chains={result.chains} />
        </Fold>
      )}
    </Section>
  );
}

function sampleLabel(t: T, l: SampleKind): string {
  switch (l.kind) {
    case "nodePort":
      return t("inspector.sample.nodePort", { client: l.client, node: l.node });
    case "clusterIPFromPod":
      return t("inspector.sample.clusterIPFromPod", { pod: shortPlaceName(placeId("pod", l.pod)) });
    case "clusterIPFromNode":
      return t("inspector.sample.clusterIPFromNode", { node: l.node });
  }
}

const SampleCard = memo(function SampleCard({ s, node }: { s: InspectedSample; node: string }) {
  const t = useT();
  const { lang } = useLang();
  const a = ACTION_WORDS[s.action];
  // Worded as the narration words the same decision at this node: the engine's reason is English only.
  const reason = hopCaption(t, {
    from: "",
    to: placeId("node", node),
    src: s.src,
    dst: s.dst,
    rules: s.rules,
    why: s.why,
  });
  return (
    <div className="kh-card">
      <div className="kh-card-head">{sampleLabel(t, s.label)}</div>
      <div className="kh-card-sub">
        <span className={`kh-badge kh-tone-${a.tone}`}>{a.label ? t(a.label) : s.action.toUpperCase()}</span>
        <Masquerade s={s} />
        <span className="kh-mono kh-small">
          {s.src} → {s.dst}
        </span>
      </div>
      <p className="kh-small kh-reason">{reason}</p>
      {s.rules.length > 0 && (
        <p className="kh-rules kh-chain-path" aria-label={t("inspector.chainsWalked")}>
          {s.rules.join(" › ")}
        </p>
      )}
      {s.candidates.length > 0 && (
        <ul className="kh-candidates">
          {s.candidates.map((c) => (
            <li key={`${c.ip}:${c.port}`}>
              <span className="kh-mono">
                {c.ip}:{c.port}
              </span>
              <span className="kh-muted">{c.pod ? shortPlaceName(placeId("pod", c.pod)) : ""}</span>
              <span className="kh-muted kh-small">{c.node ?? ""}</span>
              <span className="kh-prob">
                {percent(c.probability, 1, lang)}
                {c.masquerade && !s.candidates.every((x) => x.masquerade) && (
                  <span className="kh-badge kh-tone-warn" title={t("inspector.hairpin")}>
                    SNAT
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

function Masquerade({ s }: { s: InspectedSample }) {
  const t = useT();
  const all = s.candidates.length > 0 ? s.candidates.every((c) => c.masquerade) : s.masquerade;
  if (!all) return null;
  return (
    <span className="kh-badge kh-tone-warn" title={t("inspector.masquerade")}>
      SNAT
    </span>
  );
}

function ChainList({ chains }: { chains: InspectedChain[] }) {
  return (
    <div className="kh-chains">
      {chains.map((c) => (
        <div key={`${c.table}/${c.chain}`} className="kh-chain">
          <div className="kh-chain-name">
            <span className="kh-mono">{c.chain}</span> <span className="kh-muted kh-small">({c.table})</span>
          </div>
          <pre className="kh-code kh-code-wrap">{c.lines.join("\n")}</pre>
        </div>
      ))}
    </div>
  );
}
