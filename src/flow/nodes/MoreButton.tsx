// The keyboard way to a node's context menu: a "…" button on the selected node.
import { memo } from "react";
import { useT } from "../../i18n/react";
import { usePlayground } from "../../store/context";
import { objectTitle } from "../menu";
import { useMenuOpener } from "../menuContext";

/** `kind` and `name` say what the button is for ("pod", "web-…-44hv4"). */
export const MoreButton = memo(function MoreButton({
  id,
  kind,
  name,
}: {
  id: string;
  kind: string;
  name: string;
}) {
  const t = useT();
  const selected = usePlayground((s) => s.selection === id);
  const menu = useMenuOpener();
  if (!selected) return null;
  return (
    <button
      type="button"
      className="kh-more nodrag"
      aria-label={t("menu.actionsFor", { what: objectTitle(t, kind, name) })}
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
