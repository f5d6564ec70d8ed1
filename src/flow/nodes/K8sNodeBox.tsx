import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useT } from "../../i18n/react";
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
        <MoreButton id={id} kind="node" name={data.name} />
      </div>
      {data.pods === 0 && <div className="kh-node__empty">{t("flow.node.noPods")}</div>}
    </div>
  );
});

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
