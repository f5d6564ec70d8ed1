// The standalone page: one playground on the default scenario, saved in this browser.
import { useEffect, useState } from "react";
import type { StoreApi } from "zustand/vanilla";
import defaultScenario from "../../scenarios/default.yaml?raw";
import { createPlaygroundStore, type PlaygroundStore } from "../store/playgroundStore";
import { I18nProvider } from "../i18n/react";
import { detectLanguage } from "../i18n/language";
import { Playground } from "./Playground";

export function App() {
  const [store, setStore] = useState<StoreApi<PlaygroundStore> | null>(null);
  // The store owns a worker: made in an effect so that its cleanup (StrictMode's trial unmount, or the
  // real one) ends exactly the worker it started.
  useEffect(() => {
    const s = createPlaygroundStore({ scenario: defaultScenario, storageKey: "kube-hops:main" });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the store is an external system (a worker) made here once
    setStore(s);
    return () => s.getState().client.dispose();
  }, []);
  return store ? (
    <I18nProvider initial={detectLanguage()}>
      <Playground store={store} />
    </I18nProvider>
  ) : null;
}
