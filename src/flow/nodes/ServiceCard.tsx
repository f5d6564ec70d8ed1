import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { ServiceNode } from "../graphTypes";
import { shortName } from "../ids";
import { MoreButton } from "./MoreButton";
import { SourcePort } from "./Ports";

export const ServiceCard = memo(function ServiceCard({ id, data }: NodeProps<ServiceNode>) {
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
        <MoreButton id={id} label={`Service ${shortName(data.name)}`} />
      </div>
      <div className="kh-svc__name">{shortName(data.name)}</div>
      {data.type === "ExternalName" ? (
        <div className="kh-svc__row">
          CNAME <code>{data.externalName}</code>
        </div>
      ) : (
        <div className="kh-svc__row">
          <code>
            {headless ? "no ClusterIP" : data.clusterIP}
            {port && !headless ? `:${port.port}` : ""}
          </code>
          {more > 0 && <span className="kh-svc__more">+{more} ports</span>}
        </div>
      )}
      {port?.nodePort ? (
        <div className="kh-svc__row kh-svc__nodeport">
          NodePort <code>{port.nodePort}</code> on every node
        </div>
      ) : null}
      <div className="kh-svc__badges">
        {data.total !== null && (
          <span className={`kh-badge ${noEndpoints ? "kh-badge--bad" : "kh-badge--ok"}`}>
            {noEndpoints ? "no endpoints" : `${data.ready}/${data.total} endpoints`}
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
            ClientIP affinity
          </span>
        )}
      </div>
    </div>
  );
});
