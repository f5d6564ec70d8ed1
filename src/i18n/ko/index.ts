// Korean, loaded on demand (its own chunk). Kubernetes terms stay in English: Service, NodePort,
// targetPort, kube-proxy, EndpointSlice, Pod and the like.
import { app } from "./app";
import { editor } from "./editor";
import { flow } from "./flow";
import { inspector } from "./inspector";
import { log } from "./log";
import { menu } from "./menu";
import { stats } from "./stats";
import { store } from "./store";
import { traffic } from "./traffic";
import { transport } from "./transport";
import { ui } from "./ui";

export const ko = {
  ...app,
  ...ui,
  ...transport,
  ...traffic,
  ...inspector,
  ...log,
  ...stats,
  ...editor,
  ...flow,
  ...menu,
  ...store,
};
