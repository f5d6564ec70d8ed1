// Korean, loaded on demand (its own chunk). Kubernetes terms stay in English: Service, NodePort,
// targetPort, kube-proxy, EndpointSlice, Pod and the like.
import { animation } from "./animation";
import { app } from "./app";
import { compare } from "./compare";
import { editor } from "./editor";
import { exportArea } from "./export";
import { embed } from "./embed";
import { engine } from "./engine";
import { flow } from "./flow";
import { hop } from "./hop";
import { inspector } from "./inspector";
import { lessons } from "./lessons";
import { log } from "./log";
import { menu } from "./menu";
import { narration } from "./narration";
import { recovery } from "./recovery";
import { result } from "./result";
import { share } from "./share";
import { stats } from "./stats";
import { store } from "./store";
import { traffic } from "./traffic";
import { transport } from "./transport";
import { ui } from "./ui";

export const ko = {
  ...animation,
  ...app,
  ...compare,
  ...editor,
  ...exportArea,
  ...embed,
  ...engine,
  ...flow,
  ...hop,
  ...inspector,
  ...lessons,
  ...log,
  ...menu,
  ...narration,
  ...recovery,
  ...result,
  ...share,
  ...stats,
  ...store,
  ...traffic,
  ...transport,
  ...ui,
};
