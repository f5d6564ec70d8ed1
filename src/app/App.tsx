// The standalone page: one playground on the default scenario, saved in this browser.
import { useState } from "react";
import defaultScenario from "../../scenarios/default.yaml?raw";
import { createPlaygroundStore } from "../store/playgroundStore";
import { Playground } from "./Playground";

export function App() {
  const [store] = useState(() =>
    createPlaygroundStore({ scenario: defaultScenario, storageKey: "kube-hops:main" }),
  );
  return <Playground store={store} />;
}
