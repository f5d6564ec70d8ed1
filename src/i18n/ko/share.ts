import type { KoTable } from "./types";

export const share: KoTable<typeof import("../en/share").share> = {
  "share.button": "공유",
  "share.menu": "이 플레이그라운드 공유하기",
  "share.copyLink": "링크 복사",
  "share.copyLinkHint": "시나리오와 배치, 지금 이 순간의 시뮬레이션을 링크 하나에 담습니다",
  "share.copyEmbed": "임베드 코드 복사",
  "share.copyEmbedHint": "블로그 글이나 강의 페이지에 넣을 iframe 코드",
  "share.making": "링크를 만드는 중…",
  "share.linkCopied": "링크를 복사했습니다. 링크를 여는 사람은 지금 이 모습 그대로 보게 됩니다.",
  "share.embedCopied": "임베드 코드를 복사했습니다. 페이지의 HTML에 붙여 넣으세요.",
  "share.copyByHand": "브라우저가 복사를 허용하지 않았습니다. 아래 내용을 선택해 직접 복사하세요:",
  "share.linkLabel": "이 플레이그라운드의 링크",
  "share.embedLabel": "임베드 코드",
  "share.embedTitle": "Kube Hops: Kubernetes Service 네트워킹 플레이그라운드",
  "share.tooManyActions":
    "이번 실행에는 시뮬레이션 동작이 {count}개 있는데, 링크에는 {limit}개까지만 담을 수 있습니다. 페이지를 새로 고쳐 시뮬레이션을 처음부터 다시 시작한 뒤 공유하세요. 시나리오와 배치는 그대로 남습니다.",
  "share.runTooLong":
    "시뮬레이션이 이미 이벤트 {events}개를 처리했는데, 링크로는 {limit}개까지만 다시 재생할 수 있습니다. 페이지를 새로 고쳐 시뮬레이션을 처음부터 다시 시작한 뒤 공유하세요. 시나리오와 배치는 그대로 남습니다.",
  "share.tooLarge":
    "링크 길이가 {length}자가 되어 한도인 {limit}자를 넘습니다. 더 작은 시나리오를 공유하거나 YAML을 파일로 보내세요.",
  "share.yamlTooLong": "시나리오가 {limit}자보다 길어서 링크로 공유할 수 없습니다.",
  "share.noRun": "시뮬레이션이 아직 준비되지 않았습니다({reason}). 잠시 후 다시 시도하세요.",
  "share.runNotRestored":
    "공유된 시나리오는 열었지만, 시뮬레이션을 공유된 시점으로 되돌리지 못했습니다: {reason}",
  "share.barLabel": "공유된 시나리오",
  "share.barText":
    "다른 사람이 공유한 시나리오를 보고 있습니다. 여기서 바꾼 내용은 저장되지 않고, 내 작업은 그대로 남아 있습니다.",
  "share.barLesson": "레슨 {lesson}의 {step}단계에서 공유했습니다.",
  "share.keep": "내 작업으로 저장",
  "share.keepHint":
    "이 시나리오를 이 브라우저에 내 작업으로 저장합니다. 이전 작업은 지우지 않고 저장소 한쪽에 따로 보관합니다.",
  "share.back": "내 작업으로 돌아가기",
  "share.backHint": "공유된 시나리오를 닫고 이 브라우저에 저장된 내 작업을 보여 줍니다",
  "share.brokenTitle": "공유된 링크를 열 수 없습니다.",
  "share.brokenFix":
    "보낸 사람에게 링크를 다시 받아 끝까지 빠짐없이 복사하세요. 링크가 꽤 깁니다. 아래에는 손대지 않은 내 작업이 그대로 열려 있습니다.",
  "share.dismiss": "닫기",
  "share.problem.tooLong": "“#s=” 뒤의 데이터가 {length}자로, 링크에 담을 수 있는 {limit}자를 넘습니다.",
  "share.problem.notEncoded":
    "“#s=” 뒤의 데이터에 Kube Hops 링크에는 나올 수 없는 문자가 섞여 있습니다. 입력하거나 붙여 넣다가 잘못된 것 같습니다.",
  "share.problem.damaged": "“#s=” 뒤의 데이터가 중간에 끊겼거나 바뀌었습니다. 복사할 때 잘린 것 같습니다.",
  "share.problem.tooLarge":
    "“#s=” 뒤의 데이터를 풀면 {limit}바이트를 넘어, 링크에 담을 수 있는 크기보다 큽니다.",
  "share.problem.notText": "“#s=” 뒤의 데이터에 Kube Hops 시나리오가 들어 있지 않습니다.",
  "share.problem.notJson": "“#s=” 뒤의 데이터에 Kube Hops 시나리오가 들어 있지 않습니다.",
  "share.problem.version":
    "다른 버전의 Kube Hops에서 만든 링크입니다(링크 형식 {version}). 이 페이지는 형식 1만 읽을 수 있습니다. 새 버전이 나왔을 수 있으니 페이지를 새로 고쳐 보세요.",
  "share.problem.versionUnknown": "이 링크에는 어느 버전의 Kube Hops에서 만들었는지가 적혀 있지 않습니다.",
  "share.problem.field": "링크의 일부가 손상되었습니다: {field}.",
  "share.field.yaml": "시나리오 YAML",
  "share.field.positions": "그래프 배치",
  "share.field.seed": "난수 시드",
  "share.field.journal": "시뮬레이션 동작 기록",
  "share.field.at": "시뮬레이션 시점",
  "share.field.lesson": "레슨 번호",
  "share.field.step": "레슨 단계",
  "share.field.lang": "언어",
  "share.field.view": "보여 줄 Namespace와 접은 Node",
};
