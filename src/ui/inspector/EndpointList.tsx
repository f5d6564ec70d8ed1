// A Service's endpoints from its EndpointSlices, with their conditions as badges; a row selects its pod.
import { memo } from "react";
import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/react";
import type { EndpointState } from "../../protocol/messages";
import { usePlayground, usePlaygroundApi } from "../../store/context";
import type { PlaygroundStore } from "../../store/playgroundStore";
import { shortPlaceName } from "../format";
import { type EndpointBadge, endpointBadges } from "./selection";
import { placeId } from "../../protocol/placeId";

const EMPTY: EndpointState[] = [];
const TONE = { ready: "ok", serving: "warn", terminating: "warn", "not ready": "bad" } as const;
const WORDS: Record<EndpointBadge, MessageKey> = {
  ready: "inspector.ep.ready",
  serving: "inspector.ep.serving",
  terminating: "inspector.ep.terminating",
  "not ready": "inspector.ep.notReady",
};

export function EndpointList({ service }: { service: string }) {
  const t = useT();
  const endpoints = usePlayground((s: PlaygroundStore) => s.sim?.endpoints[service] ?? EMPTY);
  if (endpoints.length === 0) return <p className="kh-small kh-muted">{t("inspector.noEndpoints")}</p>;
  return (
    <ul className="kh-endpoints">
      {endpoints.map((e) => (
        <EndpointRow key={`${e.ip}|${e.pod}`} e={e} />
      ))}
    </ul>
  );
}

const EndpointRow = memo(function EndpointRow({ e }: { e: EndpointState }) {
  const t = useT();
  const api = usePlaygroundApi();
  const pod = e.pod ? placeId("pod", e.pod) : null;
  const label = pod ? shortPlaceName(pod) : e.ip;
  return (
    <li className="kh-endpoint">
      <span className="kh-endpoint-name">
        {pod ? (
          <button type="button" className="kh-link" onClick={() => api.getState().select(pod)}>
            {label}
          </button>
        ) : (
          <span>{label}</span>
        )}
        <span className="kh-small kh-muted">
          <span className="kh-mono">{e.ip}</span>
          {e.node && ` ${t("inspector.onNode", { node: e.node })}`}
        </span>
      </span>
      <span className="kh-badges">
        {endpointBadges(e).map((b) => (
          <span key={b} className={`kh-badge kh-tone-${TONE[b]}`}>
            {t(WORDS[b])}
          </span>
        ))}
      </span>
    </li>
  );
});
