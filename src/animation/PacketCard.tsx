// A small card about one packet: its header now, and at every hop the layer has seen, with what each
// hop's rules did. Opened by hovering a packet; clicking pins it (Escape or × closes).
import { memo, useEffect, useReducer } from "react";
import { HOP } from "../engine/sim/types";
import { connectionColour } from "../ui/palette";
import type { HopRecord } from "./history";
import { flagNames, placeLabel } from "./labels";
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
      aria-label={`Packet ${card.packet}`}
      style={{ left: card.x + 14, top: card.y + 14 }}
    >
      <div className="kh-packet-card__head">
        <span className="kh-packet-card__swatch" style={{ background: colour }} />
        <strong>Packet {card.packet}</strong>
        <span className="kh-packet-card__dir">{reply ? "reply" : "request"}</span>
        {card.pinned && (
          <button type="button" className="kh-icon-button" aria-label="Close packet card" onClick={onClose}>
            ×
          </button>
        )}
      </div>
      {current && (
        <dl className="kh-packet-card__now">
          <dt>src</dt>
          <dd>{current.src}</dd>
          <dt>dst</dt>
          <dd>{current.dst}</dd>
          <dt>proto</dt>
          <dd>TCP</dd>
        </dl>
      )}
      <ol className="kh-packet-card__hops">
        {hops.map((h, i) => (
          <HopRow key={i} hop={h} />
        ))}
      </ol>
      {!card.pinned && <p className="kh-packet-card__hint">Click the packet to pin this card</p>}
    </div>
  );
});

function HopRow({ hop }: { hop: HopRecord }) {
  const flags = flagNames(hop.flags);
  return (
    <li title={hop.note}>
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
