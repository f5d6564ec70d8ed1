// A comparison: one scenario run twice, side by side, the two runs differing in exactly one setting and
// driven by the same traffic with the same seed. Lessons prepare these; the setup dialog builds them.
import type { ConnectionStyle } from "../protocol/simulation";

export type CompareSetting = "externalTrafficPolicy" | "sessionAffinity" | "connection" | "endpoints";

/** One field of one object in the manifests, set to a value (patchObject's arguments). */
export interface YamlEdit {
  kind: string;
  /** namespace/name, or a bare name in "default". */
  name: string;
  path: (string | number)[];
  value: unknown;
}

/** What one side of the comparison changes. */
export interface CompareVariant {
  /** The value the setting takes on this side: "Local", "ClientIP", "keepalive", 3 (replicas)... */
  value: string | number;
  edits: YamlEdit[];
  /** How the client connects; "new" (curl) when not given. */
  connection?: ConnectionStyle;
  /** A label of the lesson's own, shown instead of the one made from the setting and value. */
  label?: string;
}

interface CompareTraffic {
  /** client:NAME, pod:NS/NAME or node:NAME. */
  from: string;
  /** IP:PORT or NAME:PORT. */
  to: string;
  count: number;
}

export interface CompareSpec {
  setting: CompareSetting;
  /** The manifests both sides start from. */
  scenario: string;
  seed: number;
  /** namespace/name of the Service the setting is about. */
  service: string;
  traffic: CompareTraffic;
  variants: [CompareVariant, CompareVariant];
}

/** Why a comparison cannot be made for a setting; the view puts these into words. */
export type CompareProblem = "noService" | "notExternal" | "noClient" | "noSelector" | "noDeployment";

export type CompareSpecResult = { ok: true; spec: CompareSpec } | { ok: false; problem: CompareProblem };
