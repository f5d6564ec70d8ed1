// Whether an action is one the simulation takes: the view checks a shared link's actions with the very
// rule the worker applies, before it asks the worker to replay them. A file of its own so that only the
// pages that read links load the check (each file here re-exports one engine or model module).
export { checkAction } from "../engine/sim/limits";
