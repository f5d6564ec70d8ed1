// Korean, loaded on demand (its own chunk). Kubernetes terms stay in English: Service, NodePort,
// targetPort, kube-proxy, EndpointSlice, Pod and the like.
import { animation } from "./animation";
import { app } from "./app";
import { hop } from "./hop";
import { lessons } from "./lessons";
import { narration } from "./narration";
import { result } from "./result";

export const ko = {
  ...app,
  ...lessons,
  ...result,
  ...narration,
  ...animation,
  ...hop,
};
