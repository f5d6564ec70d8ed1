import type { Diagnostic } from "../model/diagnostics";

export function DiagnosticsList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  return (
    <>
      <h2>Diagnostics</h2>
      {diagnostics.length === 0 ? (
        <p className="ok">Every object loaded; nothing to report.</p>
      ) : (
        <ul className="diagnostics">
          {diagnostics.map((d, i) => (
            <li key={i} className={d.severity}>
              <span className="where">
                line {d.line}:{d.column}
              </span>{" "}
              {d.object && <strong>{d.object}</strong>} {d.path && <code>{d.path}</code>}: {d.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
