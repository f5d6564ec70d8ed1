import type { KoTable } from "./types";

export const embed: KoTable<typeof import("../en/embed").embed> = {
  "embed.controls": "플레이그라운드 조작",
  "embed.sendTitle": "{to}(으)로 요청 하나 보내기",
  "embed.details": "상세 정보",
  "embed.detailsTitle": "정보, 이벤트 로그, 통계, YAML",
  "embed.closeDetails": "상세 정보 닫기",
  "embed.open": "Kube Hops에서 열기",
  "embed.openTitle": "전체 Kube Hops 플레이그라운드를 새 탭에서 엽니다",
  "embed.hint": "보내기를 눌러 요청 하나가 클러스터를 지나가는 길을 따라가 보세요.",
  "embed.problems_other": "시나리오에 문제가 {count}개 있습니다. 상세 정보의 YAML 탭에서 확인하세요.",
  "embed.loading": "클러스터를 불러오는 중…",
  "embed.error.title": "Kube Hops 임베드를 시작할 수 없습니다",
  "embed.error.none":
    '시나리오가 없습니다. scenario 속성이나 안쪽의 <script type="text/yaml">, 또는 src URL로 시나리오를 넣어 주세요.',
  "embed.error.fetch": "{url}에서 시나리오를 불러오지 못했습니다: {reason}",
  "embed.error.status": "{url}에서 시나리오를 불러오지 못했습니다. 서버 응답: {status}",
  "embed.error.html": "{url}에서 시나리오를 불러오지 못했습니다. 서버가 YAML이 아닌 웹 페이지를 보냈습니다.",
  "embed.error.tooLarge":
    "시나리오가 {limit} KB를 넘습니다. 임베드는 그보다 큰 시나리오를 불러오지 않습니다.",
  "embed.error.lesson": "레슨 {n}은(는) 없습니다.",
};
