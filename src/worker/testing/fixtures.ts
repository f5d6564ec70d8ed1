// Tests only: the built-in scenarios as manifest files.
import { readFileSync } from "node:fs";
import type { ManifestFile } from "../../model/load";

export function scenario(name = "default"): ManifestFile[] {
  const file = `scenarios/${name}.yaml`;
  return [{ file, text: readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8") }];
}

/** A request from the laptop outside to the default scenario's NodePort on node-2. */
export const LAPTOP_TO_NODEPORT = { type: "send", from: "client:laptop", to: "192.168.1.3:30080" } as const;
