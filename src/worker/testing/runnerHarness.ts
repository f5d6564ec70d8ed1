// Tests only: a Runner with a hand-moved clock, its messages kept, and its hop batches decoded in order.
import type { HopEvent } from "../../engine/sim/types";
import { HopBatchDecoder } from "../../protocol/hopBatch";
import type {
  CommandMap,
  CommandMessage,
  CommandType,
  OutMessage,
  OutOf,
  SimState,
} from "../../protocol/messages";
import { Runner, type RunnerOptions } from "../runner";

export function runnerHarness(options: Omit<RunnerOptions, "clock" | "post"> = {}) {
  const h = {
    wall: 0,
    messages: [] as OutMessage[],
    runner: null as unknown as Runner,
    nextId: 1,
    decoder: new HopBatchDecoder(),
    decodedUpTo: 0,
    batches: [] as { reset: boolean; now: number; hops: HopEvent[] }[],
  };
  h.runner = new Runner({ ...options, clock: () => h.wall, post: (m) => h.messages.push(m) });

  const decode = () => {
    for (; h.decodedUpTo < h.messages.length; h.decodedUpTo++) {
      const m = h.messages[h.decodedUpTo]!;
      if (m.type !== "hopBatch") continue;
      const view = h.decoder.read(m.batch);
      h.batches.push({ reset: view.reset, now: view.now, hops: view.events() });
      h.runner.handle({ type: "release", ints: m.batch.ints, floats: m.batch.floats });
    }
  };

  return {
    get wall() {
      return h.wall;
    },
    set wall(v: number) {
      h.wall = v;
    },
    messages: h.messages,
    /** Sends a command and returns its answer (ack, loaded, journal or error). */
    send<K extends CommandType>(
      type: K,
      payload: CommandMap[K],
    ): OutOf<"ack" | "loaded" | "journal" | "error"> {
      const id = h.nextId++;
      h.runner.handle({ type, id, ...payload } as CommandMessage);
      decode();
      const answer = h.messages.find(
        (m): m is OutOf<"ack" | "loaded" | "journal" | "error"> =>
          (m.type === "ack" || m.type === "loaded" || m.type === "journal" || m.type === "error") &&
          m.requestId === id,
      );
      if (!answer) throw new Error(`no answer to ${type}`);
      return answer;
    },
    frame(): void {
      h.runner.handle({ type: "frame" });
      decode();
    },
    /** Every decoded batch so far. */
    get batches() {
      decode();
      return h.batches;
    },
    /** Every hop sent so far, in order. */
    hops(): HopEvent[] {
      decode();
      return h.batches.flatMap((b) => b.hops);
    },
    lastState(): SimState {
      const s = h.messages.filter((m): m is OutOf<"state"> => m.type === "state").pop();
      if (!s) throw new Error("no state yet");
      return s.state;
    },
    count(type: OutMessage["type"]): number {
      return h.messages.filter((m) => m.type === type).length;
    },
  };
}
