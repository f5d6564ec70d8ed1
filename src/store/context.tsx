// The store reaches components through context, one per playground instance; components subscribe
// narrowly with selectors.
import { createContext, type ReactNode, useContext } from "react";
import type { StoreApi } from "zustand/vanilla";
import { useStore } from "zustand";
import type { PlaygroundStore } from "./playgroundStore";

const PlaygroundContext = createContext<StoreApi<PlaygroundStore> | null>(null);

export function PlaygroundProvider({
  store,
  children,
}: {
  store: StoreApi<PlaygroundStore>;
  children: ReactNode;
}) {
  return <PlaygroundContext.Provider value={store}>{children}</PlaygroundContext.Provider>;
}

export function usePlaygroundApi(): StoreApi<PlaygroundStore> {
  const store = useContext(PlaygroundContext);
  if (!store) throw new Error("usePlayground must be used inside <PlaygroundProvider>");
  return store;
}

export function usePlayground<T>(selector: (s: PlaygroundStore) => T): T {
  return useStore(usePlaygroundApi(), selector);
}
