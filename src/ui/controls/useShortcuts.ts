// The playground's keyboard shortcuts, on the window but only for this playground: keys pressed inside
// it, or on the page itself when it is the first playground (a blog post may embed two).
import { type RefObject, useEffect, useRef } from "react";
import { commandFor, ownsKeys, type ShortcutCommand } from "./shortcuts";

export function useShortcuts(anchor: RefObject<HTMLElement | null>, run: (c: ShortcutCommand) => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const root = anchor.current?.closest(".kh-app");
      if (!root) return;
      const target = e.target instanceof Element ? e.target : null;
      const onPage = !target || target === document.body || target === document.documentElement;
      if (onPage ? document.querySelector(".kh-app") !== root : !root.contains(target)) return;
      if (ownsKeys(target as HTMLElement | null, e.key)) return;
      const command = commandFor(e);
      if (!command) return;
      e.preventDefault();
      latest.current(command);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [anchor]);
}
