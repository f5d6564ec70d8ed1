// The things outside the cluster: clients, cloud load balancers, and the node network they reach it by.
import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/react";
import type { LoadBalancerDelivery } from "../../protocol/messages";
import type { BusNode, ClientNode, LbNode } from "../graphTypes";
import { shortName } from "../../scene/ids";
import { SourcePort, TargetPort } from "./Ports";

export const ClientCard = memo(function ClientCard({ data }: NodeProps<ClientNode>) {
  return (
    <div className="kh-outside kh-client">
      <SourcePort />
      <span className="kh-outside__icon" aria-hidden="true">
        <svg viewBox="0 0 20 16" width="20" height="16">
          <rect
            x="3"
            y="2"
            width="14"
            height="9"
            rx="1.2"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          />
          <path d="M1 13.5h18" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </span>
      <div className="kh-outside__text">
        <span className="kh-outside__name">{data.name}</span>
        <span className="kh-outside__ip">{data.ip}</span>
      </div>
    </div>
  );
});

const LB_MODE_WORDS: Record<LoadBalancerDelivery, MessageKey> = {
  NodePort: "flow.lb.mode.nodePort",
  VIP: "flow.lb.mode.vip",
  Proxy: "flow.lb.mode.proxy",
};
const LB_MODE_TITLES: Record<LoadBalancerDelivery, MessageKey> = {
  NodePort: "flow.lb.modeTitle.nodePort",
  VIP: "flow.lb.modeTitle.vip",
  Proxy: "flow.lb.modeTitle.proxy",
};

export const LbCard = memo(function LbCard({ data }: NodeProps<LbNode>) {
  const t = useT();
  return (
    <div className="kh-outside kh-lb">
      <SourcePort />
      <span className="kh-outside__icon" aria-hidden="true">
        <svg viewBox="0 0 22 16" width="22" height="16">
          <path
            d="M6 14h11a4 4 0 0 0 .6-7.95A5.5 5.5 0 0 0 7 5.2 4.4 4.4 0 0 0 6 14Z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          />
        </svg>
      </span>
      <div className="kh-outside__text">
        <span className="kh-outside__name">
          <span className="kh-outside__kicker">{t("flow.lb.kicker")}</span> {shortName(data.service)}
        </span>
        <span className="kh-outside__ip">
          {data.ips.length ? data.ips.join(", ") : t("flow.lb.pendingIP")}
        </span>
        {data.mode && (
          <span className="kh-outside__mode" title={t(LB_MODE_TITLES[data.mode])}>
            {t(LB_MODE_WORDS[data.mode])}
          </span>
        )}
      </div>
    </div>
  );
});

export const BusBar = memo(function BusBar(_: NodeProps<BusNode>) {
  const t = useT();
  return (
    <div className="kh-bus">
      <TargetPort />
      <span className="kh-bus__label">{t("flow.bus")}</span>
    </div>
  );
});
