import { describe, expect, it } from "vitest";
import { HOP } from "../protocol/simulation";
import { type HopRow, OutcomeTracker } from "./outcomes";

const hop = (
  packet: number,
  from: string,
  to: string,
  flags: number,
  code: HopRow["code"],
  dst = "192.168.1.3:30080",
): HopRow => ({
  packet,
  from,
  to,
  dst,
  flags,
  code,
});

describe("request outcomes for the host page", () => {
  it("reports a request delivered to a pod with its source, the address asked for, the pod and its node", () => {
    const t = new OutcomeTracker();
    expect(
      t.ingest([
        hop(1, "client:laptop", "node:node-2", 0, "send-client"),
        hop(1, "node:node-2", "node:node-3", HOP.dnat, "forward-node", "10.244.2.2:8080"),
      ]),
    ).toEqual([]);
    expect(
      t.ingest([hop(1, "node:node-3", "pod:default/web-a", HOP.deliver, "deliver-pod", "10.244.2.2:8080")]),
    ).toEqual([
      {
        kind: "delivered",
        from: "client:laptop",
        to: "192.168.1.3:30080",
        pod: "default/web-a",
        node: "node-3",
        reason: "deliver-pod",
      },
    ]);
  });

  it("reports a dropped request once, with the node and the engine's reason, not again at the client's timeout", () => {
    const t = new OutcomeTracker();
    const out = t.ingest([
      hop(2, "client:laptop", "node:node-1", 0, "send-client"),
      hop(2, "node:node-1", "node:node-1", HOP.drop, "drop-etp-local"),
      hop(2, "client:laptop", "client:laptop", HOP.timeout, "timeout"),
    ]);
    expect(out).toEqual([
      {
        kind: "dropped",
        from: "client:laptop",
        to: "192.168.1.3:30080",
        pod: null,
        node: "node-1",
        reason: "drop-etp-local",
      },
    ]);
  });

  it("does not count a name lookup's query reaching CoreDNS as the request delivered", () => {
    const t = new OutcomeTracker();
    const dns = HOP.dns;
    expect(
      t.ingest([
        hop(5, "pod:default/web-a", "node:node-2", dns | HOP.dnat, "send-pod", "10.96.0.10:53"),
        hop(5, "node:node-1", "pod:kube-system/coredns-a", dns | HOP.deliver, "deliver-pod", "10.244.0.2:53"),
      ]),
    ).toEqual([]);
  });

  it("does not count a reply's arrival as a request delivered", () => {
    const t = new OutcomeTracker();
    t.ingest([
      hop(3, "client:laptop", "node:node-2", 0, "send-client"),
      hop(3, "node:node-2", "pod:default/web-a", HOP.deliver, "deliver-pod"),
    ]);
    expect(
      t.ingest([hop(4, "node:node-2", "client:laptop", HOP.reply | HOP.deliver, "reply-receive")]),
    ).toEqual([]);
  });

  it("forgets requests under way after a clear", () => {
    const t = new OutcomeTracker();
    t.ingest([hop(5, "client:laptop", "node:node-2", 0, "send-client")]);
    t.clear();
    const [o] = t.ingest([hop(5, "pod:default/a", "pod:default/web-a", HOP.deliver, "deliver-pod")]);
    expect(o?.from).toBe("pod:default/a");
  });
});
