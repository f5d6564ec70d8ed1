import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { detectLanguage, loadTable } from "../i18n/language";
import { registerOffline } from "../offline/register";
import { formatNumber } from "../ui/format";
import { App } from "./App";
import { PageRecovery } from "./PageRecovery";
import { RecoveryBoundary } from "./RecoveryBoundary";

const root = document.getElementById("root")!;
if (new URLSearchParams(location.search).has("embed")) {
  // An iframe's embed (src/embed): its own small frame, loaded apart from the full page's.
  void import("../embed/page").then((m) => m.startEmbedPage(root));
} else {
  // The words load alongside the rest of the start-up (the worker, the first render), not after it.
  void loadTable("en");
  void loadTable(detectLanguage());

  createRoot(root).render(
    <StrictMode>
      <RecoveryBoundary fallback={(error) => <PageRecovery error={error} />}>
        <App />
      </RecoveryBoundary>
    </StrictMode>,
  );
  // A page's first Intl.NumberFormat costs 25-35 ms (Chromium): made once the page is idle after its
  // first frame, not in the first log row.
  const warmNumbers = () => void formatNumber(detectLanguage(), 0);
  if ("requestIdleCallback" in window) requestIdleCallback(warmNumbers, { timeout: 3000 });
  else setTimeout(warmNumbers, 1000);
}
registerOffline();
