// The selected object's YAML: as written in the manifests, or the cluster's summary of a pod that a
// controller made.
import { useMemo } from "react";
import { usePlayground } from "../../store/context";
import type { PlaygroundStore } from "../../store/playgroundStore";
import { Fold } from "./Section";
import { objectYaml, type ParsedSelection } from "./selection";

const selectYaml = (s: PlaygroundStore) => s.yaml;
const selectCluster = (s: PlaygroundStore) => s.cluster;

export function ObjectYamlView({ sel }: { sel: ParsedSelection }) {
  const yaml = usePlayground(selectYaml);
  const cluster = usePlayground(selectCluster);
  const y = useMemo(() => objectYaml(yaml, sel, cluster), [yaml, sel, cluster]);
  if (!y) return null;
  return (
    <Fold title={y.source === "manifest" ? "YAML" : "YAML (as the cluster has it)"}>
      <pre className="kh-code" tabIndex={0}>
        {y.text}
      </pre>
    </Fold>
  );
}
