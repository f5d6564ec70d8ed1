// The canvas over React Flow's viewport where packets move. It starts the page's animation loop and
// handles hovering and clicking packets (a listener on the graph's container: the canvas itself lets
// every pointer event through to the graph).
import { useStoreApi } from "@xyflow/react";
import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/react";
import { usePlaygroundApi } from "../store/context";
import { startPacketLoop, type PacketLoop } from "./loop";
import { PacketCard } from "./PacketCard";

/** Hit radius around a dot, in screen pixels. */
const HIT_PX = 10;

export interface CardState {
  packet: number;
  x: number;
  y: number;
  pinned: boolean;
}

export function PacketLayer() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rf = useStoreApi();
  const store = usePlaygroundApi();
  const [loop, setLoop] = useState<PacketLoop | null>(null);
  const [card, setCard] = useState<CardState | null>(null);
  // The loop runs outside React: it reads the language's words through a ref kept current here.
  const t = useT();
  const words = useRef(t);
  useEffect(() => {
    words.current = t;
  }, [t]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const container = rf.getState().domNode;
    if (!canvas || !container) return;
    const l = startPacketLoop({ canvas, container, flow: rf.getState, store, words: () => words.current });
    setLoop(l);

    const hit = (e: PointerEvent | MouseEvent) => {
      const box = container.getBoundingClientRect();
      const [tx, ty, zoom] = rf.getState().transform;
      const x = (e.clientX - box.left - tx) / zoom;
      const y = (e.clientY - box.top - ty) / zoom;
      const packet = l.scene.hitTest(x, y, HIT_PX / zoom);
      return { packet, x: e.clientX - box.left, y: e.clientY - box.top };
    };
    const onMove = (e: PointerEvent) => {
      if (e.buttons) return;
      const h = hit(e);
      container.style.cursor = h.packet === null ? "" : "pointer";
      setCard((c) => {
        if (c?.pinned) return c;
        if (h.packet === null) return null;
        if (c && c.packet === h.packet) return c;
        return { packet: h.packet, x: h.x, y: h.y, pinned: false };
      });
      const s = store.getState();
      if (h.packet !== null && s.followedPacket !== h.packet) s.followPacket(h.packet);
    };
    const onClick = (e: MouseEvent) => {
      const h = hit(e);
      if (h.packet === null) {
        setCard((c) => (c?.pinned ? null : c));
        return;
      }
      // A packet is on top of the graph: the click is for it, not for the box beneath.
      e.stopPropagation();
      e.preventDefault();
      store.getState().followPacket(h.packet);
      setCard({ packet: h.packet, x: h.x, y: h.y, pinned: true });
    };
    const onLeave = () => setCard((c) => (c?.pinned ? c : null));
    container.addEventListener("pointermove", onMove);
    container.addEventListener("click", onClick, true);
    container.addEventListener("pointerleave", onLeave);
    return () => {
      container.removeEventListener("pointermove", onMove);
      container.removeEventListener("click", onClick, true);
      container.removeEventListener("pointerleave", onLeave);
      l.stop();
      setLoop(null);
    };
  }, [rf, store]);

  return (
    <>
      <canvas ref={canvasRef} className="kh-packets" aria-hidden="true" />
      {card && loop && <PacketCard card={card} loop={loop} onClose={() => setCard(null)} />}
    </>
  );
}
