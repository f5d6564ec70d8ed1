import type { KoTable } from "./types";

export const narration: KoTable<typeof import("../en/narration").narration> = {
  "narration.label": "해설",
  "narration.hop": "{n}번째 홉",
  "narration.moving": "패킷이 이동하는 중…",
  "narration.dns": "DNS 조회",
  "narration.dnsTitle":
    "연결하기 전에 Pod는 클러스터 DNS(CoreDNS가 응답하는 kube-dns Service)에 이름의 주소를 묻습니다",
  "narration.back": "이전",
  "narration.next": "다음",
  "narration.playOn": "계속 재생",
  "narration.playOnTitle": "해설을 멈추고 시뮬레이션을 계속 실행합니다",
  "narration.done": "완료",
  "narration.toggle": "해설",
  "narration.toggleTitle": "다음 요청을 홉마다 멈추며 설명합니다",
};
