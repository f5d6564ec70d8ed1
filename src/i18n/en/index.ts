// English: the source of every message key. Each area of the interface keeps its messages in its own
// file here (and the same file name under ko/), so that work on one area never touches another's.
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

export const en = {
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

export type Messages = typeof en;
type TableKey = keyof Messages;
type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
/**
 * A key one may ask for: a plural message by its base name ("stats.requests" for "stats.requests_one"
 * and "stats.requests_other"), which the `count` parameter completes; other messages by their own key.
 */
export type MessageKey = Exclude<TableKey, `${string}_one` | `${string}_other`> | PluralBase<TableKey>;
