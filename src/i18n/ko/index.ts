// Korean, loaded on demand (its own chunk). Kubernetes terms stay in English: Service, NodePort,
// targetPort, kube-proxy, EndpointSlice, Pod and the like.
import { animation } from "./animation";
import { app } from "./app";
import { hop } from "./hop";

export const ko = {
  ...app,
  ...animation,
  ...hop,
};
