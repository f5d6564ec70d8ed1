// The keyboard way to a node's context menu: a "…" button on the selected node.
import { memo } from "react";
import { usePlayground } from "../../store/context";
import { useMenuOpener } from "../menuContext";

export const MoreButton = memo(function MoreButton({ id, label }: { id: string; label: string }) {
  const selected = usePlayground((s) => s.selection === id);
  const menu = useMenuOpener();
  if (!selected) return null;
  return (
    <button
      type="button"
      className="kh-more nodrag"
      aria-label={`Actions for ${label}`}
      aria-haspopup="menu"
      onClick={(e) => {
        e.stopPropagation();
        const r = e.currentTarget.getBoundingClientRect();
        menu.open(id, r.left, r.bottom + 4);
      }}
    >
      …
    </button>
  );
});
