import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useT } from "../../i18n/react";
import { rich } from "../../ui/rich";
import type { ServiceNode } from "../graphTypes";
import { shortName } from "../../scene/ids";
import { MoreButton } from "./MoreButton";
import { SourcePort } from "./Ports";

export const ServiceCard = memo(function ServiceCard({ id, data }: NodeProps<ServiceNode>) {
  const t = useT();
  const headless = data.clusterIP === "None";
  const external = data.type === "NodePort" || data.type === "LoadBalancer";
  const noEndpoints = data.total !== null && data.ready === 0;
  const port = data.ports[0];
  const more = data.ports.length - 1;
  return (
    <div className="kh-svc" data-type={data.type} data-empty={noEndpoints ? "yes" : "no"}>
      <SourcePort />
      <div className="kh-svc__head">
        <span className="kh-svc__kind">Service</span>
        <span className="kh-svc__type">{headless ? "Headless" : data.type}</span>
        <MoreButton id={id} kind="svc" name={shortName(data.name)} />
      </div>
      <div className="kh-svc__name">{shortName(data.name)}</div>
      {data.type === "ExternalName" ? (
        <div className="kh-svc__row">
          CNAME <code>{data.externalName}</code>
        </div>
      ) : (
        <div className="kh-svc__row">
          <code>
            {headless ? t("flow.svc.noClusterIP") : data.clusterIP}
            {port && !headless ? `:${port.port}` : ""}
          </code>
          {more > 0 && <span className="kh-svc__more">{t("flow.svc.morePorts", { count: more })}</span>}
        </div>
      )}
      {port?.nodePort ? (
        <div className="kh-svc__row kh-svc__nodeport">
          {rich(t("flow.svc.nodePort"), { port: <code>{port.nodePort}</code> })}
        </div>
      ) : null}
      <div className="kh-svc__badges">
        {data.total !== null && (
          <span className={`kh-badge ${noEndpoints ? "kh-badge--bad" : "kh-badge--ok"}`}>
            {noEndpoints
              ? t("flow.svc.noEndpoints")
              : t("flow.svc.endpoints", { ready: data.ready ?? 0, total: data.total })}
          </span>
        )}
        {external && data.externalTrafficPolicy === "Local" && (
          <span className="kh-badge kh-badge--info" title="externalTrafficPolicy: Local">
            eTP Local
          </span>
        )}
        {data.internalTrafficPolicy === "Local" && (
          <span className="kh-badge kh-badge--info" title="internalTrafficPolicy: Local">
            iTP Local
          </span>
        )}
        {data.sessionAffinity === "ClientIP" && (
          <span className="kh-badge kh-badge--info" title="sessionAffinity: ClientIP">
            {t("flow.svc.affinity")}
          </span>
        )}
      </div>
    </div>
  );
});
