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
  "engine.notLoaded": "아직 매니페스트를 불러오지 않았습니다. 먼저 불러오세요",
  "engine.nothingToStep": "한 걸음 나아갈 것이 없습니다. 가는 중이거나 곧 떠날 패킷이 없습니다",
  "engine.nothingToStepBack": "되돌아갈 것이 없습니다. 아직 아무 hop도 없었습니다",
  "engine.invalidSpeed": "속도 {factor}은(는) 쓸 수 없습니다. {min}에서 {max} 사이여야 합니다",
  "engine.invalidTime": "시각 {tick}은(는) 쓸 수 없습니다. 0 이상의 정수 tick이어야 합니다",
  "engine.replayTooLong": "다시 재생하기에 실행이 너무 깁니다. 이벤트가 {limit}개를 넘습니다",
  "engine.replayMissed":
    "이 실행은 tick {tick}의 이벤트 {events}을(를) 지나지 않습니다. 시나리오나 seed가 다릅니다",
  "engine.replayRefused": "실행의 동작 하나가 거부되었습니다: {reason}",
};
