import type { KoTable } from "./types";

export const engine: KoTable<typeof import("../en/engine").engine> = {
  "engine.unknownNode": 'Node "{node}"이(가) 없습니다',
  "engine.unknownPod": "Pod {pod}이(가) 없습니다",
  "engine.unknownDeployment": "Deployment {deployment}이(가) 없습니다",
  "engine.unknownClient": '클라이언트 "{client}"이(가) 없습니다. 있는 클라이언트: {clients}',
  "engine.unknownPhase": "트래픽 단계 {phase}은(는) 실행 중이 아닙니다",
  "engine.nodeAlreadyDown": "{node}은(는) 이미 멈춰 있습니다",
  "engine.nodeNotDown": "{node}은(는) 멈춰 있지 않습니다",
  "engine.podAlreadyTerminating": "Pod {pod}은(는) 이미 종료 중입니다",
  "engine.podWithoutIP": "Pod {pod}에 아직 IP가 없습니다(상태: {phase})",
  "engine.invalidSource":
    '보내는 곳은 client:NAME, pod:NS/NAME, node:NAME 또는 ip:ADDR 형식이어야 합니다. 받은 값: "{from}"',
  "engine.invalidSourceIP": '"{ip}"은(는) IP 주소가 아닙니다',
  "engine.invalidDestination": '목적지는 IP:PORT 또는 NAME:PORT 형식이어야 합니다. 받은 값: "{to}"',
  "engine.nameNeedsPod":
    '"{name}"은(는) Pod에서만 조회할 수 있습니다. Node와 외부 클라이언트는 클러스터 이름을 모르는 자체 DNS를 씁니다. IP 주소를 주세요',
  "engine.nameExternal":
    '"{name}"은(는) ExternalName입니다. 클러스터 밖의 {target}을(를) 가리키는 CNAME이라 Kube Hops는 조회하지 않습니다',
  "engine.nameNotFound": '"{name}"은(는) {from}에서 조회되지 않습니다({detail})',
  "engine.familyMismatch": "{src}와(과) {dst}은(는) IP 계열(IPv4, IPv6)이 달라 서로 닿을 수 없습니다",
};
