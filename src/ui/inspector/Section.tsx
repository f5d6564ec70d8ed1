// A titled part of the inspector; collapsible ones use <details> so they work without script.
import type { ReactNode } from "react";

export function Section({
  title,
  aside,
  children,
}: {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="kh-section">
      <div className="kh-section-head">
        <h3 className="kh-h3">{title}</h3>
        {aside}
      </div>
      {children}
    </section>
  );
}

export function Fold({ title, open, children }: { title: ReactNode; open?: boolean; children: ReactNode }) {
  return (
    <details className="kh-fold" open={open}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="kh-kv">
      {items.map(([k, v]) => (
        <div key={k} className="kh-kv-row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
