import type { KoTable } from "./types";

export const transport: KoTable<typeof import("../en/transport").transport> = {
  "transport.group": "재생",
  "transport.play": "재생",
  "transport.pause": "일시정지",
  "transport.stepBack": "한 단계 뒤로",
  "transport.step": "한 단계 앞으로",
  "transport.speed": "속도",
  "transport.speedTitle": "속도 ([ 느리게, ] 빠르게)",
  "transport.clock": "시뮬레이션 시간",
  "transport.clockTitle": "시뮬레이션 시간 (분:초.밀리초)",
  "shortcuts.title": "단축키",
  "shortcuts.togglePlay": "재생 / 일시정지",
  "shortcuts.back": "한 홉 뒤로",
  "shortcuts.step": "한 홉 앞으로",
  "shortcuts.slower": "느리게",
  "shortcuts.faster": "빠르게",
  "shortcuts.undo": "실행 취소",
  "shortcuts.redo": "다시 실행 (Ctrl+Y도 됨)",
  "shortcuts.help": "단축키 보기",
  "shortcuts.note": "Mac에서는 Ctrl 대신 Cmd를 누르세요. 글을 입력하는 동안에는 단축키가 동작하지 않습니다.",
};
