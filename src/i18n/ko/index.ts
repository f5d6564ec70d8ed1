// Korean, loaded on demand (its own chunk). Kubernetes terms stay in English: Service, NodePort,
// targetPort, kube-proxy, EndpointSlice, Pod and the like.
import { app } from "./app";
import { compare } from "./compare";

export const ko = {
  ...app,
  ...compare,
};
