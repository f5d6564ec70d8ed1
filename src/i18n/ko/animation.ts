import type { KoTable } from "./types";

export const animation: KoTable<typeof import("../en/animation").animation> = {
  "animation.nat.dnat": "DNAT 목적지 {change}",
  "animation.nat.snat": "SNAT 출발지 {change}",
  "animation.nat.unnatDst": "un-NAT 목적지 {change}",
  "animation.nat.unnatSrc": "un-NAT 출발지 {change}",
  "animation.flag.dnat": "DNAT",
  "animation.flag.snat": "SNAT",
  "animation.flag.unnat": "un-NAT",
  "animation.flag.drop": "DROP",
  "animation.flag.reject": "REJECT",
  "animation.flag.lost": "유실",
  "animation.flag.refuse": "RST",
  "animation.flag.deliver": "전달됨",
  "animation.card.title": "패킷 {packet}",
  "animation.card.reply": "응답",
  "animation.card.request": "요청",
  "animation.card.close": "패킷 카드 닫기",
  "animation.card.src": "출발지",
  "animation.card.dst": "목적지",
  "animation.card.proto": "프로토콜",
  "animation.card.pinHint": "패킷을 클릭하면 이 카드가 고정됩니다",
};
