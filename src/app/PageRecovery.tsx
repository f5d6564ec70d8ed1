// The last line of defence: what the page shows when the app itself (not one playground) fails to
// render. It has no store to ask, so the text comes from storage, and a reset reloads the page afresh.
import { I18nProvider } from "../i18n/react";
import { detectLanguage } from "../i18n/language";
import { putAside, savedText } from "../store/persistence";
import { STORAGE_KEY } from "./App";
import { RecoveryScreen } from "./RecoveryScreen";

export function PageRecovery({ error }: { error: unknown }) {
  return (
    <I18nProvider initial={detectLanguage()} persist={false}>
      <RecoveryScreen
        error={error}
        body="recovery.body"
        text={savedText(STORAGE_KEY)}
        action={{
          label: "recovery.reset",
          run: () => {
            putAside(STORAGE_KEY);
            // Without the fragment: a lesson's address would open the lesson again.
            location.replace(location.pathname + location.search);
          },
        }}
      />
    </I18nProvider>
  );
}
