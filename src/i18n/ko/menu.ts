import type { KoTable } from "./types";

export const menu: KoTable<typeof import("../en/menu").menu> = {
  "menu.actionsFor": "{what} 작업",
  "menu.nothing": "할 수 있는 작업이 없습니다",
  "menu.object.svc": "Service {name}",
  "menu.object.pod": "Pod {name}",
  "menu.object.node": "Node {name}",
  "menu.object.client": "클라이언트 {name}",
  "menu.object.lb": "로드 밸런서 {name}",
  "menu.failNode": "Node 장애 일으키기",
  "menu.recoverNode": "Node 복구",
  "menu.deletePod": "Pod 삭제",
  "menu.alreadyTerminating": "Pod가 이미 종료 중입니다",
  "menu.scale": "{name} 레플리카를 {replicas}개로",
  "menu.noReplicas": "더 줄일 레플리카가 없습니다",
  "menu.field": "{field}: {value}",
};
