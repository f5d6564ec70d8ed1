// Node and edge types, at module level: React Flow re-mounts every node when these objects change.
import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { EndpointEdge, TapEdge } from "./edges";
import { K8sNodeBox } from "./nodes/K8sNodeBox";
import { BusBar, ClientCard, LbCard } from "./nodes/OutsideNodes";
import { PodPill } from "./nodes/PodPill";
import { ServiceCard } from "./nodes/ServiceCard";

export const nodeTypes: NodeTypes = {
  k8sNode: K8sNodeBox,
  pod: PodPill,
  service: ServiceCard,
  client: ClientCard,
  lb: LbCard,
  bus: BusBar,
};

export const edgeTypes: EdgeTypes = {
  tap: TapEdge,
  endpoint: EndpointEdge,
};
