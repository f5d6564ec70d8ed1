// Lights up places on the graph (a lesson step's, a narrated hop's), by the graph's node ids, which are
// the simulation's place ids. A style element keyed on React Flow's data-id attributes: the graph's own
// components need not know who asks.
import type { ClusterSummary } from "../protocol/messages";
import { placeId } from "../protocol/placeId";

/** The graph ids for a step's places; `pods:app=web` stands for every pod with that label. */
function highlightIds(places: readonly string[], cluster: ClusterSummary | null): string[] {
  return places.flatMap((p) => {
    if (!p.startsWith("pods:")) return [p];
    const [k, v] = p.slice(5).split("=");
    return (cluster?.pods ?? []).filter((x) => k && x.labels[k] === v).map((x) => placeId("pod", x.name));
  });
}

export function Highlight({
  places,
  cluster,
}: {
  places: readonly string[];
  cluster: ClusterSummary | null;
}) {
  const ids = highlightIds(places, cluster);
  if (!ids.length) return null;
  const selector = ids.map((id) => `.react-flow__node[data-id="${CSS.escape(id)}"]`).join(",\n");
  return (
    <style>{`${selector} { outline: 3px solid var(--kh-highlight, #e69f00); outline-offset: 3px; border-radius: 8px; }`}</style>
  );
}
