// Tests only: a Node worker thread cannot load TypeScript by itself, so register tsx first and then
// import the entry named in workerData.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
