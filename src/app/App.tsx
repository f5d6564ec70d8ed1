// The app shell until the playground arrives: the default scenario loaded by the engine, its objects,
// its diagnostics, and a trace you can run, printed as a table.
import { useMemo, useState } from "react";
import defaultScenario from "../../scenarios/default.yaml?raw";
import { loadManifests } from "../model/load";
import { ClusterTables } from "./ClusterTables";
import { DiagnosticsList } from "./DiagnosticsList";
import { TracePanel } from "./TracePanel";
import "./app.css";

export function App() {
  const [text, setText] = useState(defaultScenario);
  const loaded = useMemo(() => loadManifests([{ file: "scenario.yaml", text }]), [text]);
  return (
    <main className="shell">
      <header>
        <h1>Kube Hops</h1>
        <p>Kubernetes Service networking, hop by hop: client → NodePort → Service port → pod targetPort.</p>
      </header>
      <section aria-label="Trace">
        <TracePanel cluster={loaded.cluster} />
      </section>
      <section aria-label="Diagnostics">
        <DiagnosticsList diagnostics={loaded.diagnostics} />
      </section>
      <section aria-label="Cluster">
        <ClusterTables cluster={loaded.cluster} />
      </section>
      <section aria-label="Manifests">
        <h2>Manifests</h2>
        <textarea
          aria-label="Scenario YAML"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </section>
    </main>
  );
}
