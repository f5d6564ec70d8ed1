// A phase's served counts: kept by the caller's key, added up into the totals when read.
import { describe, expect, it } from "vitest";
import { PhaseRecorder } from "./metrics";

describe("PhaseRecorder.served", () => {
  it("adds up requests served under many keys into per-pod, per-node, source and extra-hop totals", () => {
    const rec = new PhaseRecorder(0, "rate", "", 0);
    // More keys than are kept apart, so that some counts are added up before the snapshot.
    for (let i = 0; i < 1000; i++) {
      const key = { i };
      rec.served(key, `default/web-${i % 3}`, `node-${i % 2}`, "192.168.1.2", i % 4 === 0);
      rec.served(key, `default/web-${i % 3}`, `node-${i % 2}`, "192.168.1.2", i % 4 === 0);
    }
    const m = rec.snapshot();
    expect([m.perPod, m.perNode, m.sourceIPs, m.extraHops]).toEqual([
      { "default/web-0": 668, "default/web-1": 666, "default/web-2": 666 },
      { "node-0": 1000, "node-1": 1000 },
      {
        "default/web-0": ["192.168.1.2"],
        "default/web-1": ["192.168.1.2"],
        "default/web-2": ["192.168.1.2"],
      },
      500,
    ]);
    expect(rec.snapshot().perPod).toEqual(m.perPod);
  });
});
