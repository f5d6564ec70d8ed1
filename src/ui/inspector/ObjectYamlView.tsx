// The selected object's YAML: as written in the manifests, or the cluster's summary of a pod that a
// controller made.
import { useEffect, useMemo, useState } from "react";
import { useT } from "../../i18n/react";
import { usePlayground } from "../../store/context";
import { selectCluster, selectYaml } from "../../store/selectors";
import { Fold } from "./Section";
import type { ParsedSelection } from "./selection";

type ObjectYamlModule = typeof import("./objectYaml");
let loaded: ObjectYamlModule | null = null;

/** The YAML module (and the `yaml` package) load when the inspector first shows an object. */
function useObjectYamlModule(): ObjectYamlModule | null {
  const [mod, setMod] = useState(loaded);
  useEffect(() => {
    if (!mod) void import("./objectYaml").then((m) => setMod((loaded = m)));
  }, [mod]);
  return mod;
}

export function ObjectYamlView({ sel }: { sel: ParsedSelection }) {
  const t = useT();
  const yaml = usePlayground(selectYaml);
  const cluster = usePlayground(selectCluster);
  const mod = useObjectYamlModule();
  const y = useMemo(() => mod?.objectYaml(yaml, sel, cluster) ?? null, [mod, yaml, sel, cluster]);
  if (!y) return null;
  return (
    <Fold title={y.source === "manifest" ? "YAML" : t("inspector.yamlSummary")}>
      <pre className="kh-code" tabIndex={0}>
        {y.text}
      </pre>
    </Fold>
  );
}
