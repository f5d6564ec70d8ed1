// The object actions of the graph's menu, as buttons: each one an undoable change through perform().
import { type ReactNode, useMemo } from "react";
import { useT } from "../../i18n/react";
import { usePlayground, usePlaygroundApi } from "../../store/context";
import { selectYaml } from "../../store/selectors";
import { objectActions } from "../../store/objectActions";
import type { Change, PlaygroundStore } from "../../store/playgroundStore";
import type { ServiceSummary } from "../../protocol/messages";
import { yamlToolsNow } from "../../store/yamlTools";
import { replicasOf } from "./selection";

type NewChange = Omit<Change, "yamlBefore" | "yamlAfter"> & { yamlAfter?: string };

function useRun() {
  const api = usePlaygroundApi();
  return (make: (s: PlaygroundStore) => NewChange | null) => {
    const change = make(api.getState());
    if (change) void api.getState().perform(change);
  };
}

function ActionRow({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="kh-actions" role="group" aria-label={t("inspector.actions")}>
      {children}
    </div>
  );
}

export function NodeActions({ node }: { node: string }) {
  const t = useT();
  const run = useRun();
  const up = usePlayground((s: PlaygroundStore) => s.sim?.nodes.find((n) => n.name === node)?.up ?? true);
  return (
    <ActionRow>
      {up ? (
        <button
          type="button"
          className="kh-btn kh-btn-danger"
          onClick={() => run(() => objectActions.failNode(node))}
        >
          {t("menu.failNode")}
        </button>
      ) : (
        <button type="button" className="kh-btn" onClick={() => run(() => objectActions.recoverNode(node))}>
          {t("menu.recoverNode")}
        </button>
      )}
    </ActionRow>
  );
}

export function PodActions({ pod, owner }: { pod: string; owner: string | null }) {
  const t = useT();
  const run = useRun();
  const replicas = usePlayground((s: PlaygroundStore) => (owner ? replicasOf(s.cluster, owner) : 0));
  return (
    <ActionRow>
      <button
        type="button"
        className="kh-btn kh-btn-danger"
        onClick={() => run(() => objectActions.deletePod(pod))}
      >
        {t("menu.deletePod")}
      </button>
      {owner && (
        <span className="kh-stepper" role="group" aria-label={t("inspector.replicasOf", { owner })}>
          <span className="kh-small kh-muted">{t("inspector.replicas")}</span>
          <button
            type="button"
            className="kh-btn kh-btn-icon"
            aria-label={t("inspector.scaleDown")}
            disabled={replicas === 0}
            onClick={() => run((s) => objectActions.scale(s, owner, replicas - 1, replicas))}
          >
            −
          </button>
          <output className="kh-stepper-n" aria-label={t("inspector.replicas")}>
            {replicas}
          </output>
          <button
            type="button"
            className="kh-btn kh-btn-icon"
            aria-label={t("inspector.scaleUp")}
            onClick={() => run((s) => objectActions.scale(s, owner, replicas + 1, replicas))}
          >
            +
          </button>
        </span>
      )}
    </ActionRow>
  );
}

/** Two-way choice shown as a segmented control of pressed buttons. */
function Choice<T extends string>({
  label,
  value,
  options,
  disabled,
  title,
  onPick,
}: {
  label: string;
  value: T;
  options: T[];
  disabled?: boolean;
  title?: string;
  onPick: (v: T) => void;
}) {
  return (
    <div className="kh-choice" role="group" aria-label={label} title={title}>
      <span className="kh-choice-label">{label}</span>
      <span className="kh-segmented">
        {options.map((o) => (
          <button
            key={o}
            type="button"
            className="kh-segment-btn"
            aria-pressed={value === o}
            disabled={disabled}
            onClick={() => value !== o && onPick(o)}
          >
            {o}
          </button>
        ))}
      </span>
    </div>
  );
}

export function ServiceActions({ svc }: { svc: ServiceSummary }) {
  const t = useT();
  const run = useRun();
  const yaml = usePlayground(selectYaml);
  // Until the YAML tools have loaded, assume it is written: perform() refuses with a notice if not.
  const tools = yamlToolsNow();
  const written = useMemo(
    () => !tools || tools.objectText(yaml, tools.ref("Service", svc.name)) !== null,
    [tools, yaml, svc.name],
  );
  const external = svc.type === "NodePort" || svc.type === "LoadBalancer";
  const proxied = svc.type !== "ExternalName" && svc.clusterIP !== "None";
  if (!proxied) return null;
  const why = written ? undefined : t("inspector.notWritten");
  return (
    <div className="kh-choices">
      {external && (
        <Choice
          label="externalTrafficPolicy"
          value={(svc.externalTrafficPolicy ?? "Cluster") as "Cluster" | "Local"}
          options={["Cluster", "Local"]}
          disabled={!written}
          title={why ?? t("inspector.etpTitle")}
          onPick={(v) => run((s) => objectActions.setExternalTrafficPolicy(s, svc.name, v))}
        />
      )}
      <Choice
        label="internalTrafficPolicy"
        value={(svc.internalTrafficPolicy ?? "Cluster") as "Cluster" | "Local"}
        options={["Cluster", "Local"]}
        disabled={!written}
        title={why ?? t("inspector.itpTitle")}
        onPick={(v) => run((s) => objectActions.setInternalTrafficPolicy(s, svc.name, v))}
      />
      <Choice
        label="sessionAffinity"
        value={(svc.sessionAffinity === "ClientIP" ? "ClientIP" : "None") as "None" | "ClientIP"}
        options={["None", "ClientIP"]}
        disabled={!written}
        title={why ?? t("inspector.affinityTitle")}
        onPick={(v) => run((s) => objectActions.setSessionAffinity(s, svc.name, v))}
      />
    </div>
  );
}
