// One playground: the toolbar, the cluster graph with its packets, and the side panels. The standalone
// page and every embed render this, each with its own store.
import type { StoreApi } from "zustand/vanilla";
import { CompareButton } from "../compare";
import { ClusterGraph } from "../flow/ClusterGraph";
import { PlaygroundProvider, usePlayground } from "../store/context";
import type { PlaygroundStore } from "../store/playgroundStore";
import { useLang, useT } from "../i18n/react";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { Notice } from "../ui/Notice";
import { SidePanel } from "../ui/SidePanel";
import { Toolbar } from "../ui/Toolbar";
import { TrafficPanel } from "../ui/TrafficPanel";
import { TransportBar } from "../ui/TransportBar";
import "./app.css";

/** Renders a playground for a store; whoever made the store disposes of its client. */
export function Playground({ store }: { store: StoreApi<PlaygroundStore> }) {
  return (
    <PlaygroundProvider store={store}>
      <Frame />
    </PlaygroundProvider>
  );
}

function Frame() {
  const theme = usePlayground((s) => s.theme);
  const projector = usePlayground((s) => s.projector);
  const t = useT();
  const { lang } = useLang();
  return (
    <div className="kh-app" lang={lang} data-theme={theme} data-projector={projector ? "on" : "off"}>
      <header className="kh-toolbar">
        <span className="kh-brand">{t("app.brand")}</span>
        <TransportBar />
        <TrafficPanel />
        <Toolbar />
        <CompareButton />
        <LanguageSwitch />
      </header>
      <main className="kh-main">
        <section className="kh-graph" aria-label={t("app.graph")}>
          <ClusterGraph />
        </section>
        <aside className="kh-side" aria-label={t("app.details")}>
          <SidePanel />
        </aside>
      </main>
      <Notice />
    </div>
  );
}
