// Keyboard shortcuts of the playground, as data: the help popover lists them and the key handler
// maps an event to a command. Speed steps are the speed menu's choices.
import { MAX_SPEED, MIN_SPEED } from "../../protocol/messages";

export type ShortcutCommand = "togglePlay" | "back" | "step" | "slower" | "faster" | "undo" | "redo" | "help";

export const SHORTCUTS: { keys: string[]; command: ShortcutCommand; what: string }[] = [
  { keys: ["Space"], command: "togglePlay", what: "Play / pause" },
  { keys: ["←"], command: "back", what: "Step back one hop" },
  { keys: ["→"], command: "step", what: "Step forward one hop" },
  { keys: ["["], command: "slower", what: "Slower" },
  { keys: ["]"], command: "faster", what: "Faster" },
  { keys: ["Ctrl", "Z"], command: "undo", what: "Undo" },
  { keys: ["Ctrl", "Shift", "Z"], command: "redo", what: "Redo (also Ctrl+Y)" },
  { keys: ["?"], command: "help", what: "Show these shortcuts" },
];

/** The hint for a title attribute: "Play (Space)". */
export function hint(label: string, command: ShortcutCommand): string {
  const s = SHORTCUTS.find((x) => x.command === command);
  return s ? `${label} (${s.keys.join("+")})` : label;
}

export interface KeyLike {
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

export interface TargetLike {
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
