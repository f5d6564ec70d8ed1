import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { detectLanguage, loadTable } from "../i18n/language";
import { registerOffline } from "../offline/register";
import { App } from "./App";
import { PageRecovery } from "./PageRecovery";
import { RecoveryBoundary } from "./RecoveryBoundary";

// The words load alongside the rest of the start-up (the worker, the first render), not after it.
void loadTable("en");
void loadTable(detectLanguage());

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <RecoveryBoundary fallback={(error) => <PageRecovery error={error} />}>
      <App />
    </RecoveryBoundary>
  </StrictMode>,
);
registerOffline();
