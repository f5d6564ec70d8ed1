// A small card about one packet: its header now, and at every hop the layer has seen, with what each
// hop's rules did (each hop's caption is its row's tooltip). Opened by hovering a packet; clicking pins
// it (Escape or × closes).
import { memo, useEffect, useReducer } from "react";
import { HOP } from "../protocol/simulation";
import type { T } from "../i18n/core";
import { useT } from "../i18n/react";
import { hopCaption } from "../scene/captions";
import { connectionColour } from "../scene/palette";
import type { HopRecord } from "./history";
import { placeLabel } from "../scene/ids";
import { flagNames } from "./labels";
import type { PacketLoop } from "./loop";
import type { CardState } from "./PacketLayer";

export const PacketCard = memo(function PacketCard({
  card,
  loop,
  onClose,
}: {
  card: CardState;
  loop: PacketLoop;
  onClose: () => void;
}) {
  const t = useT();
  // Refreshes a few times a second while open: the packet moves on.
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const t = setInterval(tick, 400);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      clearInterval(t);
      window.removeEventListener("keydown", onKey);
    };
  }, [onClose]);

  const hops = loop.scene.history.of(card.packet);
  const current = loop.scene.history.current(card.packet, loop.now());
  const colour = connectionColour(hops[0]?.connection ?? 0);
  const reply = current ? (current.flags & HOP.reply) !== 0 : false;
  return (
    <div
      className="kh-packet-card"
      role="dialog"
      aria-label={t("animation.card.title", { packet: card.packet })}
      style={{ left: card.x + 14, top: card.y + 14 }}
    >
      <div className="kh-packet-card__head">
        <span className="kh-packet-card__swatch" style={{ background: colour }} />
        <strong>{t("animation.card.title", { packet: card.packet })}</strong>
        <span className="kh-packet-card__dir">
          {reply ? t("animation.card.reply") : t("animation.card.request")}
        </span>
        {card.pinned && (
          <button
            type="button"
            className="kh-icon-button"
            aria-label={t("animation.card.close")}
            onClick={onClose}
          >
            ×
          </button>
        )}
      </div>
      {current && (
        <dl className="kh-packet-card__now">
          <dt>{t("animation.card.src")}</dt>
          <dd>{current.src}</dd>
          <dt>{t("animation.card.dst")}</dt>
          <dd>{current.dst}</dd>
          <dt>{t("animation.card.proto")}</dt>
          <dd>TCP</dd>
        </dl>
      )}
      <ol className="kh-packet-card__hops">
        {hops.map((h, i) => (
          <HopRow key={i} hop={h} next={hops[i + 1]} t={t} />
        ))}
      </ol>
      {!card.pinned && <p className="kh-packet-card__hint">{t("animation.card.pinHint")}</p>}
    </div>
  );
});

function HopRow({ hop, next, t }: { hop: HopRecord; next: HopRecord | undefined; t: T }) {
  const flags = flagNames(t, hop.flags);
  // The next hop's header shows what a rewrite at this hop's end made of the packet.
  return (
    <li title={hopCaption(t, hop, next)}>
      <span className="kh-packet-card__path">
        {placeLabel(hop.from)} → {placeLabel(hop.to)}
      </span>
      <span className="kh-packet-card__hdr">
        {hop.src} → {hop.dst}
      </span>
      {flags.length > 0 && <span className="kh-packet-card__flags">{flags.join(" · ")}</span>}
    </li>
  );
}
