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
