import type { KoTable } from "./types";

export const exportArea: KoTable<typeof import("../en/export").exportArea> = {
  "export.button": "내보내기",
  "export.button.title": "그래프, 애니메이션, 이벤트 로그, 시나리오를 파일로 저장합니다",
  "export.menu": "내보내기",
  "export.png": "그래프 PNG",
  "export.png.hint": "문서나 슬라이드에 넣을 그림",
  "export.svg": "그래프 SVG",
  "export.svg.hint": "크기를 키워도 선명하고 글자는 글자로 남습니다",
  "export.gif": "마지막 요청 GIF",
  "export.gif.hint": "마지막 요청(또는 연속 요청)에서 패킷이 오가는 모습을 슬라이드용 애니메이션으로",
  "export.csv": "이벤트 로그 CSV",
  "export.csv.hint": "스프레드시트용: 이벤트 로그에 보이는 행 그대로",
  "export.json": "이벤트 로그 JSON",
  "export.json.hint": "같은 행을 스크립트에서 쓰기 좋게",
  "export.yaml": "kubectl용 시나리오",
  "export.yaml.hint": "플레이그라운드 전용 설정을 뺀, kubectl apply -f로 적용할 수 있는 YAML",

  "export.gif.progress": "GIF 만드는 중: {total}프레임 중 {done}",
  "export.gif.cancel": "중단",
  "export.gif.none": "먼저 요청을 보내 보세요. GIF에는 가장 최근 요청(또는 연속 요청)이 담깁니다.",
  "export.gif.caption": "{from} → {to}",
  "export.gif.captionMany_other": "{from} → {to} · 요청 {count}개",
  "export.gif.clock": "t = {time}",
  "export.saved": "{file} 저장됨",
  "export.failed": "내보내지 못했습니다: {error}",
  "export.empty": "클러스터를 아직 불러오지 않았습니다.",

  "export.yaml.title": "Kube Hops 시나리오 (kubectl apply -f {file}로 적용)",
  "export.yaml.leftOut": "플레이그라운드에만 있거나 실제 클러스터가 알아서 채우는 것이라 뺀 항목:",
  "export.yaml.playgroundKind":
    "- {kind} ({apiVersion}): 플레이그라운드 자체의 클러스터 설정 (주소 대역, kube-proxy 모드, 시간 값)",
  "export.yaml.playgroundKindClients":
    "- {kind} ({apiVersion}): 플레이그라운드 자체의 클러스터 설정 (주소 대역, kube-proxy 모드, 시간 값)과 클러스터 밖 클라이언트 ({clients})",
  "export.yaml.status": "- {objects}의 status: kubelet과 컨트롤러가 채웁니다",
  "export.yaml.metadata": "- {object}의 {fields}: API 서버가 정하는 값입니다",
  "export.yaml.clusterIP":
    "- {object}의 spec.clusterIP {ip}: 플레이그라운드의 Service 대역에서 받은 주소라, 실제 API 서버가 자기 대역에서 새로 할당합니다",
  "export.yaml.nodePort":
    "- {object}의 nodePort {port}: 기본 범위 30000-32767 밖이라, API 서버가 새로 할당합니다",
  "export.yaml.unreadable": "- {index}번째 문서: 올바른 YAML이 아닙니다",
  "export.yaml.nothingLeftOut": "뺀 항목은 없습니다.",
  "export.yaml.nodes":
    "Node 오브젝트는 클러스터 전체 모습을 담으려고 남겨 두었습니다. 실제 클러스터에서는 kubelet이 Node를 직접 등록하므로, 적용하기 전에 Node 문서를 지우세요.",
};
