import type { KoTable } from "./types";

export const recovery: KoTable<typeof import("../en/recovery").recovery> = {
  "recovery.title": "플레이그라운드가 멈췄습니다",
  "recovery.body":
    "페이지에서 오류가 나서 플레이그라운드를 그릴 수 없습니다. 작성하던 YAML은 아래에 남아 있으니 먼저 복사해 두세요. 초기화한 뒤 필요할 때 YAML 편집기에 다시 붙여 넣으면 됩니다.",
  "recovery.lessonBody":
    "레슨에서 오류가 나서 플레이그라운드를 그릴 수 없습니다. 레슨을 처음부터 다시 시작하거나, 아래 YAML을 복사해 두세요.",
  "recovery.compareTitle": "비교 화면이 멈췄습니다",
  "recovery.compareBody":
    "비교 화면에서 오류가 나서 그릴 수 없습니다. 닫으면 원래 플레이그라운드로 돌아가며, 그쪽은 그대로입니다.",
  "recovery.detail": "오류 내용: {message}",
  "recovery.yaml": "작성한 YAML",
  "recovery.noYaml": "남길 텍스트가 없습니다. 플레이그라운드가 아직 아무것도 불러오지 않았습니다.",
  "recovery.copy": "내 YAML 복사",
  "recovery.copied": "클립보드에 복사했습니다.",
  "recovery.copyFailed":
    "브라우저가 복사를 허용하지 않았습니다. 텍스트를 선택해 두었으니 Ctrl+C(Mac은 ⌘C)를 누르세요.",
  "recovery.reset": "기본 시나리오로 초기화",
  "recovery.resetLesson": "레슨 다시 시작",
  "recovery.closeCompare": "비교 닫기",
  "recovery.notApplied": "불러오지 못함 · 그래프는 마지막 정상 버전입니다",
  "recovery.saved.part":
    "저장된 작업 중 일부를 읽을 수 없어(손상되었거나 다른 버전에서 저장됨) 그 부분은 빼고 불러왔습니다. YAML은 그대로 돌아왔습니다. 원래 항목은 이 브라우저 저장소의 {key}에 보관해 두었습니다.",
  "recovery.saved.none":
    "저장된 작업을 읽을 수 없어(손상되었거나 다른 버전에서 저장됨) 기본 시나리오를 불러왔습니다. 원래 항목은 이 브라우저 저장소의 {key}에 보관해 두었습니다.",
  "recovery.saved.partKept":
    "저장된 작업 중 일부를 읽을 수 없어 그 부분은 빼고 불러왔습니다. YAML은 그대로 돌아왔습니다.",
  "recovery.saved.noneKept":
    "저장된 작업을 읽을 수 없어 기본 시나리오를 불러왔습니다. 저장 공간이 가득 차서 원래 항목은 그 자리에 그대로 두었습니다.",
  "recovery.loadFailed":
    "YAML을 불러오지 못해({reason}) 기본 시나리오를 보여 줍니다. 작성한 텍스트는 YAML 편집기에 그대로 있습니다.",
  "recovery.worker.timeout":
    "시뮬레이션이 {seconds}초 동안 응답하지 않아, 마지막으로 불러온 클러스터로 다시 시작했습니다. 트래픽과 Node 장애 상태는 처음부터 다시 시작합니다.",
  "recovery.worker.loadTimeout":
    "YAML을 불러오는 데 {seconds}초 넘게 걸려, 마지막으로 불러온 클러스터로 시뮬레이션을 다시 시작했습니다. 작성한 텍스트는 YAML 편집기에 그대로 있습니다. replicas나 오브젝트 수를 줄이면 더 빨리 불러옵니다.",
  "recovery.worker.loadTimeoutScenario":
    "YAML을 불러오는 데 {seconds}초 넘게 걸려, 기본 시나리오로 시뮬레이션을 다시 시작했습니다. 작성한 텍스트는 YAML 편집기에 그대로 있습니다. replicas나 오브젝트 수를 줄이면 더 빨리 불러옵니다.",
  "recovery.worker.crash":
    "시뮬레이션에 오류가 나서({reason}) 마지막으로 불러온 클러스터로 다시 시작했습니다. 트래픽과 Node 장애 상태는 처음부터 다시 시작합니다.",
  "recovery.worker.crashScenario":
    "YAML을 불러오는 중 시뮬레이션에 오류가 나서({reason}) 기본 시나리오로 다시 시작했습니다. 작성한 텍스트는 YAML 편집기에 그대로 있습니다.",
  "recovery.worker.stopped":
    "불러오기를 멈추고, 마지막으로 불러온 클러스터를 다시 보여 줍니다. 작성한 텍스트는 YAML 편집기에 그대로 있습니다.",
  "recovery.worker.stoppedScenario":
    "불러오기를 멈추고 기본 시나리오를 보여 줍니다. 작성한 텍스트는 YAML 편집기에 그대로 있습니다. replicas나 오브젝트 수를 줄이면 더 빨리 불러옵니다.",
  "recovery.slowLoad":
    "시간이 꽤 걸리고 있습니다. {seconds}초가 지나도 클러스터를 불러오지 못하면 기본 시나리오를 대신 보여 주며, 작성한 텍스트는 YAML 편집기에 남아 있습니다.",
  "recovery.stopLoad": "지금 기본 시나리오 보기",
  "recovery.worker.gaveUp":
    "시뮬레이션을 {times}번 다시 시작했지만 또 실패해서 멈췄습니다. 페이지를 새로 고치면 처음부터 다시 시작합니다.",
};
