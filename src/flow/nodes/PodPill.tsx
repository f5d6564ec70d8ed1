import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useT } from "../../i18n/react";
import type { PlaygroundStore } from "../../store/playgroundStore";
import { usePlayground } from "../../store/context";
import type { PodNode } from "../graphTypes";
import { podLabel } from "../../scene/ids";
import { MoreButton } from "./MoreButton";
import { TargetPort } from "./Ports";

/** Requests this pod served, over every traffic phase (the state arrives a few times a second). */
function podRequests(s: Pick<PlaygroundStore, "sim">, pod: string): number {
  let n = 0;
  for (const p of s.sim?.phases ?? []) n += p.perPod[pod] ?? 0;
  return n;
}

export const PodPill = memo(function PodPill({ id, data }: NodeProps<PodNode>) {
  const t = useT();
  const served = usePlayground((s) => podRequests(s, data.name));
  const state = data.terminating ? "terminating" : data.ready && !data.nodeDown ? "ready" : "notready";
  const name = podLabel(data.name);
  return (
    <div className="kh-pod" data-state={state} title={`${data.name} (${data.phase})`}>
      <TargetPort />
      <span className="kh-pod__dot" aria-hidden="true" />
      <div className="kh-pod__text">
        <span className="kh-pod__name">{name}</span>
        <span className="kh-pod__ip">
          {data.ip ?? t("flow.pod.noIP")}
          {state === "terminating"
            ? ` · ${t("flow.pod.terminating")}`
            : state === "notready"
              ? ` · ${t("flow.pod.notReady")}`
              : ""}
        </span>
      </div>
      {served > 0 && (
        <span className="kh-pod__count" aria-label={t("flow.pod.served", { count: served })}>
          {served}
        </span>
      )}
      <MoreButton id={id} kind="pod" name={name} />
    </div>
  );
});
