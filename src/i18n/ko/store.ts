import type { KoTable } from "./types";

export const store: KoTable<typeof import("../en/store").store> = {
  "store.notWritten":
    "{kind} {name}은(는) YAML에 적혀 있지 않아(다른 곳에서 만들어짐) 여기서 바꿀 수 없습니다. 매니페스트를 직접 고치세요.",
  "store.chooseTarget":
    "먼저 목적지를 고르세요: Node의 IP:NodePort, LoadBalancer IP, ClusterIP 또는 DNS 이름",
  "history.failNode": "{node} 장애",
  "history.recoverNode": "{node} 복구",
  "history.deletePod": "Pod {pod} 삭제",
  "history.scale": "{deployment} 레플리카 {replicas}개로 조정",
  "history.field": "{service}의 {field}: {value}",
  "history.ports": "{service}의 포트 변경",
  "history.editYaml": "YAML 편집",
  "history.revertYaml": "YAML 되돌리기",
  "history.openFile": "{file} 열기",
};
