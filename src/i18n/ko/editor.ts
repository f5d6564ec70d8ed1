import type { KoTable } from "./types";

export const editor: KoTable<typeof import("../en/editor").editor> = {
  "editor.aria": "YAML 매니페스트",
  "editor.editing": "편집 중 · 입력을 멈추면 적용됩니다",
  "editor.checking": "확인 중…",
  "editor.errors_other": "오류 {count}개",
  "editor.refused_other": "오류 {count}개 · 그래프는 마지막 정상 버전입니다",
  "editor.appliedWarnings_other": "적용됨 · 경고 {count}개",
  "editor.applied": "적용됨 · 그래프가 이 내용과 같습니다",
  "editor.revert": "마지막 정상 버전으로",
  "editor.apply": "지금 적용",
  "editor.applyTitle": "지금 바로 적용 (입력을 멈추면 저절로 적용되기도 합니다)",
  "editor.open": "파일 열기…",
  "editor.openTitle":
    "매니페스트나 클러스터 목록(kubectl get … -o yaml)을 엽니다. 파일을 페이지 아무 곳에나 끌어다 놓아도 됩니다",
  "editor.drop": "파일을 놓으면 열립니다",
  "editor.file.tooLarge": "{file}은(는) {limit} MB보다 큽니다. Kube Hops는 {limit} MB까지의 파일을 엽니다",
  "editor.file.binary":
    "{file}은(는) 텍스트가 아닌 것 같습니다(NUL 바이트가 있음). UTF-8로 저장한 YAML이나 JSON을 여세요",
  "editor.file.encoding": "{file}은(는) 올바른 UTF-8 텍스트가 아닙니다. UTF-8로 저장한 뒤 다시 여세요",
  "editor.file.unreadable":
    "브라우저가 {file}을(를) 읽지 못했습니다. 다시 열거나 내용을 편집기에 붙여 넣으세요",
  "editor.file.refused_other":
    "{file}에 오류가 {count}개 있습니다(YAML 패널에 표시). 그래프는 마지막으로 적용된 버전을 그대로 보여 주며, 실행 취소하면 원래 텍스트로 돌아갑니다",
  "editor.file.opened":
    "{file}을(를) 열었습니다: Node {nodes}개, Pod {pods}개, Service {services}개, Namespace {namespaces}개. 실행 취소하면 이전 내용으로 돌아갑니다.",
  "editor.file.openedNamespace":
    "{file}을(를) 열었습니다: Node {nodes}개, Pod {pods}개, Service {services}개, Namespace {namespaces}개. 지금은 Namespace {namespace}만 보여 줍니다(그래프 위에서 바꿀 수 있습니다). 실행 취소하면 이전 내용으로 돌아갑니다.",
  "editor.file.openedUnsaved":
    "{file}을(를) 열었습니다: Node {nodes}개, Pod {pods}개, Service {services}개, Namespace {namespaces}개. 이 브라우저에 저장하기에는 너무 커서({limit}자 초과) 새로 고치면 마지막으로 저장된 작업으로 돌아갑니다.",
  "editor.file.openedNamespaceUnsaved":
    "{file}을(를) 열었습니다: Node {nodes}개, Pod {pods}개, Service {services}개, Namespace {namespaces}개. 지금은 Namespace {namespace}만 보여 줍니다(그래프 위에서 바꿀 수 있습니다). 이 브라우저에 저장하기에는 너무 커서({limit}자 초과) 새로 고치면 마지막으로 저장된 작업으로 돌아갑니다.",
  "editor.hint":
    "입력을 멈추면 변경이 적용됩니다. Tab은 들여쓰기, Esc 다음 Tab을 누르면 편집기에서 나갑니다.",
  "editor.problems": "YAML의 문제",
  "editor.line": "{line}행",
  "editor.severity.error": "오류",
  "editor.severity.warning": "경고",
  "editor.severity.info": "정보",
  "editor.cm.diagnostics": "진단",
  "editor.cm.noDiagnostics": "진단 없음",
  "editor.cm.close": "닫기",
  "editor.cm.selectionDeleted": "선택 영역 삭제됨",
  "editor.cm.controlCharacter": "제어 문자",
};
