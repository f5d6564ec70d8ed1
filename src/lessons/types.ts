// A lesson is a scenario plus a short guided story of steps. Each step tells, may ask the learner to
// predict, may run actions on the simulation, says what to notice, and may ask for an edit that is then
// checked. Lessons are TypeScript modules, loaded on demand; their texts carry both languages.
import type { ConnectionStyle, PhaseMetrics } from "../protocol/simulation";
import type { Diagnostic } from "../protocol/diagnostics";
import type { ClusterSummary, PodInspection, SimState } from "../protocol/messages";

/** A text in both languages. Markup: `code` and **bold**; {name} placeholders where facts fill them. */
export interface L {
  en: string;
  ko: string;
}

/** What the picker shows before a lesson's module is loaded. */
export interface LessonMeta {
  /** 1-based position in the course; also the URL's `#lesson=N`. */
  id: number;
  slug: string;
  title: L;
  /** One line: what the learner will see. */
  summary: L;
}

/** A pod by "namespace/name", or chosen from the cluster as it is when the action runs. */
export type PodPick = string | ((c: ClusterSummary) => string | undefined);

export interface Traffic {
  /** client:NAME, node:NAME, pod:NS/NAME (or a PodPick for a pod). */
  from: string | { pod: PodPick };
  /** IP:PORT or NAME:PORT, or computed from the cluster (a ClusterIP, say). */
  to: string | ((c: ClusterSummary) => string);
  connection?: ConnectionStyle;
  protocol?: "TCP" | "UDP" | "ICMP";
}

export type LessonAction =
  | { send: Traffic; /** the packet pauses at each hop with a caption */ narrate?: boolean }
  | { burst: Traffic & { count: number } }
  /** Steady traffic in the background for `seconds` of simulated time: the next action starts at once. */
  | { rate: Traffic & { perSecond: number; seconds: number } }
  | { failNode: string }
  | { recoverNode: string }
  | { deletePod: PodPick }
  | { scale: { deployment: string; replicas: number } }
  /** Simulated seconds pass (at once: the clock jumps). */
  | { wait: number }
  /** One field of one object, in the YAML and live in the simulation (kubectl apply). */
  | { edit: { kind: string; name: string; path: (string | number)[]; value: unknown } }
  /** A change to the whole text, as typing it in the editor would make. */
  | { yaml: (text: string) => string }
  /** Looks at a pod's environment variables and DNS answers (the inspector's view). */
  | { inspect: PodPick };

/** What the learner and the checks can see of the playground. */
export interface LessonView {
  yaml: string;
  diagnostics: Diagnostic[];
  cluster: ClusterSummary | null;
  sim: SimState | null;
}

/** What a step's run produced: the checks read only this, so they judge the simulation's real result. */
export interface Outcome extends LessonView {
  cluster: ClusterSummary;
  /** The cluster before the run. */
  before: ClusterSummary;
  /** The traffic phases the run started, in order. */
  phases: PhaseMetrics[];
  /** The last of them, or null. */
  last: PhaseMetrics | null;
  /** The last `inspect` action's answer. */
  inspection: PodInspection | null;
}

interface Prediction {
  question: L;
  choices: { id: string; label: L }[];
  /** The right choice's id, from what the run really produced. */
  answer(o: Outcome): string;
  /** Why, shown with the verdict; {placeholders} come from facts(). */
  explain: L;
  facts?(o: Outcome): Record<string, string | number>;
}

interface Task {
  /** What to do, in one or two sentences. */
  goal: L;
  hint: L;
  /** What "Show me" does (the same edit a learner would make). */
  solution: LessonAction[];
  /** Holds once the learner has made the edit. */
  check(v: LessonView): boolean;
}

type CompareSetting = "externalTrafficPolicy" | "sessionAffinity" | "connection" | "endpoints";

export interface Step {
  text: L;
  /** Places to light up: node:NAME, svc:NS/NAME, client:NAME, lb:NS/NAME, pod:NS/NAME, or pods:KEY=VALUE. */
  highlight?: string[];
  predict?: Prediction;
  run?: LessonAction[];
  /** After the run: what to notice; {placeholders} from noticeFacts(). */
  notice?: L;
  noticeFacts?(o: Outcome): Record<string, string | number>;
  task?: Task;
  /** A side-by-side comparison this step offers. */
  compare?: { setting: CompareSetting; service: string; from: string; to: string; count: number };
}

export interface Lesson extends LessonMeta {
  scenario: string;
  seed?: number;
  steps: Step[];
}
