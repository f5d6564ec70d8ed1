// Asks the worker to inspect an object (a Service's rules on a node, a Pod's env and DNS) and keeps the
// last answer while a fresher one is on its way, so the panel does not flicker as the cluster changes.
import { useEffect, useState } from "react";
import type { Inspection } from "../../protocol/messages";
import { usePlaygroundApi } from "../../store/context";

type InspectionState =
  | { status: "loading" }
  | { status: "ok"; result: Inspection; key: string }
  | { status: "error"; error: string; key: string };

export function useInspection(target: string, node: string | undefined, refresh: string): InspectionState {
  const api = usePlaygroundApi();
  const key = `${target}|${node ?? ""}`;
  const [state, setState] = useState<InspectionState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    void api
      .getState()
      .client.inspect(target, node)
      .then((r) => {
        if (!live) return;
        setState(r.ok ? { status: "ok", result: r.result, key } : { status: "error", error: r.error, key });
      });
    return () => {
      live = false;
    };
  }, [api, target, node, refresh, key]);
  // An answer about another object is no answer.
  return state.status !== "loading" && state.key !== key ? { status: "loading" } : state;
}
