// Keyboard shortcuts of the playground, as data: the help popover lists them and the key handler
// maps an event to a command. Speed steps are the speed menu's choices.
import type { MessageKey } from "../../i18n/en";
import { MAX_SPEED, MIN_SPEED } from "../../protocol/messages";

export type ShortcutCommand = "togglePlay" | "back" | "step" | "slower" | "faster" | "undo" | "redo" | "help";

/** Keys are named as printed on the keyboard (the same in every language); `what` is a message key. */
export const SHORTCUTS: { keys: string[]; command: ShortcutCommand; what: MessageKey }[] = [
  { keys: ["Space"], command: "togglePlay", what: "shortcuts.togglePlay" },
  { keys: ["←"], command: "back", what: "shortcuts.back" },
  { keys: ["→"], command: "step", what: "shortcuts.step" },
  { keys: ["["], command: "slower", what: "shortcuts.slower" },
  { keys: ["]"], command: "faster", what: "shortcuts.faster" },
  { keys: ["Ctrl", "Z"], command: "undo", what: "shortcuts.undo" },
  { keys: ["Ctrl", "Shift", "Z"], command: "redo", what: "shortcuts.redo" },
  { keys: ["?"], command: "help", what: "shortcuts.help" },
];

/** The hint for a title attribute, from a label already in words: "Play (Space)". */
export function hint(label: string, command: ShortcutCommand): string {
  const s = SHORTCUTS.find((x) => x.command === command);
  return s ? `${label} (${s.keys.join("+")})` : label;
}

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command a key press asks for, or null. */
export function commandFor(e: KeyLike): ShortcutCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  if (mod) {
    const k = e.key.toLowerCase();
    if (k === "z") return e.shiftKey ? "redo" : "undo";
    if (k === "y" && !e.shiftKey) return "redo";
    return null;
  }
  switch (e.key) {
    case " ":
      return "togglePlay";
    case "ArrowLeft":
      return e.shiftKey ? null : "back";
    case "ArrowRight":
      return e.shiftKey ? null : "step";
    case "[":
      return "slower";
    case "]":
      return "faster";
    case "?":
      return "help";
    default:
      return null;
  }
}

interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
  getAttribute?: (name: string) => string | null;
}

/**
 * Whether keys belong to what has focus rather than to the playground: text fields, selects, the
 * editor (contenteditable), a focused button or link (Space and arrows activate or move there), sliders,
 * tabs and menus.
 */
export function ownsKeys(t: TargetLike | null, key: string): boolean {
  if (!t || !t.tagName) return false;
  const tag = t.tagName.toUpperCase();
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || t.isContentEditable) return true;
  if (t.closest?.(".cm-editor, [contenteditable='true']")) return true;
  const role = t.getAttribute?.("role");
  if ((role === "tab" || role === "slider" || role === "menuitem") && key.startsWith("Arrow")) return true;
  if ((tag === "BUTTON" || tag === "A" || tag === "SUMMARY" || role === "button") && key === " ") return true;
  return false;
}

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20] as const;

/** The next speed step up or down from `current` (which may be between steps), kept in range. */
export function nextSpeed(current: number, direction: 1 | -1): number {
  const next =
    direction > 0
      ? SPEEDS.find((s) => s > current + 1e-9)
      : [...SPEEDS].reverse().find((s) => s < current - 1e-9);
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, next ?? current));
}
