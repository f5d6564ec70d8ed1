import type { Cluster } from "../model/cluster";
import { LABEL_SERVICE_NAME } from "../model/k8s";

export function ClusterTables({ cluster }: { cluster: Cluster }) {
  return (
    <>
      <h2>Nodes and pods</h2>
      <table>
        <thead>
          <tr>
            <th>Node</th>
            <th>InternalIP</th>
            <th>podCIDR</th>
            <th>Pods</th>
          </tr>
        </thead>
        <tbody>
          {cluster.nodes.map((n) => (
            <tr key={n.metadata.name}>
              <td>{n.metadata.name}</td>
              <td>{n.status.addresses?.find((a) => a.type === "InternalIP")?.address}</td>
              <td>{n.spec.podCIDR}</td>
              <td>
                {cluster.pods
                  .filter((p) => p.spec.nodeName === n.metadata.name)
                  .map((p) => `${p.metadata.name} (${p.status.podIP ?? "no IP"})`)
                  .join(", ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Services</h2>
      <table>
        <thead>
          <tr>
            <th>Service</th>
            <th>Type</th>
            <th>ClusterIP</th>
            <th>Ports</th>
            <th>Endpoints</th>
          </tr>
        </thead>
        <tbody>
          {cluster.services.map((s) => (
            <tr key={`${s.metadata.namespace}/${s.metadata.name}`}>
              <td>
                {s.metadata.namespace}/{s.metadata.name}
              </td>
              <td>{s.spec.type}</td>
              <td>{s.spec.clusterIP ?? "—"}</td>
              <td>
                {(s.spec.ports ?? [])
                  .map(
                    (p) => `${p.nodePort ? `${p.nodePort} → ` : ""}${p.port} → ${p.targetPort}/${p.protocol}`,
                  )
                  .join(", ")}
              </td>
              <td>
                {cluster.endpointSlices
                  .filter(
                    (sl) =>
                      sl.metadata.namespace === s.metadata.namespace &&
                      sl.metadata.labels?.[LABEL_SERVICE_NAME] === s.metadata.name,
                  )
                  .flatMap((sl) =>
                    sl.endpoints.map(
                      (e) => `${e.addresses[0]}${e.conditions?.ready === false ? " (not ready)" : ""}`,
                    ),
                  )
                  .join(", ") || "none"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
