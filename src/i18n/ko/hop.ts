import type { KoTable } from "./types";

// Particles that depend on the last sound of a word (을/를, 이/가, 으로/로) never follow a
// placeholder: a noun such as 주소, 노드 or 쪽 stands between, or an invariant particle (의, 에, 에서).
export const hop: KoTable<typeof import("../en/hop").hop> = {
  "hop.place.pod": "Pod {name}",
  "hop.place.node": "{name}",
  "hop.place.client": "{name}",
  "hop.place.lb": "{name}의 로드 밸런서",
  "hop.place.ip": "{name}",

  "hop.entry.clusterIP": "ClusterIP {address}",
  "hop.entry.nodePort": "NodePort {port}",
  "hop.entry.lbIP": "로드 밸런서 IP {address}",
  "hop.entry.externalIP": "외부 IP {address}",

  "hop.choice.only": "하나뿐인 엔드포인트를 골라",
  "hop.choice.random": "엔드포인트 {count}개 중 하나를 무작위로 골라",
  "hop.choice.onlyLocal":
    "{policy}가 Local이라 {node}에 있는 엔드포인트만 쓸 수 있으므로, 그중 하나뿐인 엔드포인트를 골라",
  "hop.choice.randomLocal":
    "{policy}가 Local이라 {node}에 있는 엔드포인트만 쓸 수 있으므로, 그 {count}개 중 하나를 무작위로 골라",
  "hop.affinity": " ClientIP 세션 어피니티 때문에 이 클라이언트는 앞으로도 같은 엔드포인트로 갑니다.",

  "hop.snat":
    " 또한 {reason} 출발지를 {snat} 주소로 SNAT했습니다. 그래서 응답은 {node} 노드를 거쳐 돌아옵니다.",
  "hop.keepSource": " 출발지 {src} 주소는 그대로 두었으므로, 엔드포인트는 보낸 쪽의 실제 주소를 봅니다.",
  "hop.masq.external": "externalTrafficPolicy가 Cluster라서",
  "hop.masq.node": "노드 자신이 보낸 패킷이라서",
  "hop.masq.outsideCidr": "출발지 {src} 주소가 Pod CIDR 밖에 있어서",
  "hop.masq.masqueradeAll": "kube-proxy에 masqueradeAll이 켜져 있어서",
  "hop.masq.hairpin": "Pod가 자기 Service를 거쳐 자기 자신에게 접속해서(hairpin)",
  "hop.word.endpoint": "엔드포인트",
  "hop.word.nodeAddress": "노드",
  "hop.word.nodePort": "노드IP:NodePort",

  "hop.caption.sendClient": "클러스터 밖의 {place}에서 {dst} 주소로 패킷을 보냈습니다.",
  "hop.caption.sendPod": "{place}에서 자기 네트워크 네임스페이스를 통해 {dst} 주소로 패킷을 보냈습니다.",
  "hop.caption.sendNode":
    "{place}의 프로세스가 {dst} 주소로 패킷을 보냈습니다. 이 패킷에는 kube-proxy의 OUTPUT 규칙이 적용됩니다.",
  "hop.caption.lbForwardOnly":
    "Service {service}의 로드 밸런서가 하나뿐인 정상 노드로 패킷을 그대로 넘겼습니다. 목적지는 여전히 {dst}입니다.",
  "hop.caption.lbForward":
    "Service {service}의 로드 밸런서가 정상 노드 {count}개 가운데 하나를 무작위로 골라 패킷을 그대로 넘겼습니다. 목적지는 여전히 {dst}입니다.",
  "hop.caption.lbLocal":
    " externalTrafficPolicy가 Local이라 준비된 로컬 엔드포인트가 있는 노드만 헬스 체크를 통과합니다.",
  "hop.lbPick.only": "하나뿐인 정상 노드를 고르고",
  "hop.lbPick.random": "정상 노드 {count}개 가운데 하나를 무작위로 골라",
  "hop.caption.lbNodePort":
    "Service {service}의 로드 밸런서가 {pick} 목적지를 그 노드의 NodePort인 {target}(으)로 바꿨습니다. 출발지는 여전히 클라이언트 주소입니다.",
  "hop.caption.lbProxy":
    "Service {service}의 로드 밸런서가 클라이언트의 연결을 받아 끝내고, {pick} 자기 주소 {lbIP}에서 그 노드의 NodePort {target}(으)로 새 연결을 열었습니다. Pod는 클라이언트 주소를 보지 못합니다.",
  "hop.caption.lbNoListener":
    "Service {service}의 로드 밸런서에는 {dst}에 대한 리스너가 없습니다. 패킷은 어디로도 가지 못하고, 클라이언트는 결국 타임아웃됩니다.",
  "hop.caption.lbNoNodePort":
    "Service {service}의 로드 밸런서는 NodePort로 전달하는데, 이 Service에는 NodePort가 없습니다(allocateLoadBalancerNodePorts: false). 클라이언트는 결국 타임아웃됩니다.",
  "hop.caption.lbNoBackend":
    "Service {service}의 로드 밸런서에는 패킷을 보낼 정상 노드가 없습니다. 패킷은 어디로도 가지 못하고, 클라이언트는 결국 타임아웃됩니다.",
  "hop.caption.dnat":
    "{node}의 kube-proxy가 Service {service}의 {entry}에 해당하는 규칙({chains})을 찾고, {choice} {endpoint} 주소로 DNAT했습니다.{affinity}{source}",
  "hop.caption.reject":
    "{node}의 kube-proxy가 {dst}에 해당하는 Service {service}에 엔드포인트가 하나도 없음을 확인하고 REJECT했습니다({chains}). 클라이언트는 곧바로 연결 거부(connection refused)를 받습니다.",
  "hop.caption.dropLocal":
    "{node}의 kube-proxy가 Service {service}의 {dst}에 해당하는 규칙({chains})을 찾았지만, {policy}가 Local인데 {node}에는 엔드포인트가 없어 DROP했습니다. 클라이언트는 아무 응답도 받지 못하고 타임아웃됩니다.",
  "hop.caption.rejectClusterIPPort":
    "{dst}는 Service {service}의 ClusterIP이지만 그 주소에 이 포트를 가진 Service가 없습니다. {node}의 kube-proxy(nftables mode, {chains})가 REJECT했습니다. 클라이언트는 곧바로 연결 거부(connection refused)를 받습니다.",
  "hop.caption.dropUnallocated":
    "{dst}는 service CIDR 안의 주소이지만 이 주소를 가진 Service가 없습니다. {node}의 kube-proxy(nftables mode, {chains})가 패킷을 DROP했습니다. 클라이언트는 타임아웃됩니다.",
  "hop.caption.dropFirewall":
    "출발지 {srcIP} 주소가 Service {service}의 loadBalancerSourceRanges에 없어서 {node}의 kube-proxy가 패킷을 DROP했습니다({chains}). 클라이언트는 타임아웃됩니다.",
  "hop.caption.healthCheck":
    "{node}의 {port}번 포트는 Service {service}의 healthCheckNodePort입니다. kube-proxy의 헬스 체크 서버가 응답했습니다({chains}).",
  "hop.caption.route":
    "{node}에는 {dst}에 해당하는 kube-proxy 규칙이 없어서, 노드가 패킷을 바꾸지 않고 그대로 라우팅했습니다.",
  "hop.caption.routeService":
    "{dst} 주소는 Service {service}의 것이지만 {node}에는 이 포트와 프로토콜에 맞는 kube-proxy 규칙이 없어서, 노드가 패킷을 그대로 라우팅했습니다.",
  "hop.caption.forwardNode":
    "패킷이 노드 네트워크를 건너 {from}에서 {node}까지 갔습니다. {dstIP} 주소의 Pod가 그 노드에 있기 때문입니다(추가 홉).",
  "hop.caption.deliverPod": "{place}에 패킷이 도착했습니다. Pod가 보는 출발지는 {srcIP}입니다.",
  "hop.caption.refusePod":
    "{place}에는 {port}번 포트에서 기다리는 컨테이너가 없어서, 커널이 연결을 거부했습니다.",
  "hop.caption.deliverHost": "{place}에서 {port}번 포트로 기다리던 프로세스가 패킷을 받았습니다.",
  "hop.caption.refuseHost":
    "{place}에는 {port}번 포트에서 기다리는 것이 없어서, 노드의 커널이 연결을 거부했습니다.",
  "hop.caption.leave": "{place}에서 패킷을 클러스터 밖 {dst} 쪽으로 내보냈습니다.",
  "hop.caption.leaveSnat":
    "{place}에서 패킷을 클러스터 밖 {dst} 쪽으로 내보냈습니다. 이때 CNI가 Pod 주소를 {snat} 주소로 masquerade했습니다.",
  "hop.caption.deliverOutside":
    "클러스터 밖의 {place}에 패킷이 도착했습니다(Kube Hops는 그곳에서 무언가가 응답한다고 가정합니다).",
  "hop.caption.lostNodeDown":
    "{place} 노드가 다운되어 패킷이 그곳에서 사라졌습니다. 클라이언트는 타임아웃될 때까지 기다립니다.",
  "hop.caption.lostClusterIP":
    "{dstIP} 주소는 Service {service}의 ClusterIP로, 그 포트들에 대한 kube-proxy 규칙 안에만 있는 가상 주소입니다. 이 패킷에는 아무것도 응답하지 않아 유실됩니다(ping에도 응답이 없습니다).",
  "hop.caption.lostPodNetwork":
    "{dstIP} 주소를 가진 Pod가 없습니다. {place}에서 Pod 네트워크로 라우팅된 패킷은 그대로 유실됩니다.",
  "hop.caption.replyAnswer": "{place}에서 응답했습니다. 응답은 {dst} 쪽으로 돌아갑니다.",
  "hop.caption.replyReject":
    "{place}에서 연결을 거부했습니다. TCP reset(UDP라면 ICMP port unreachable 오류)이 {dst} 쪽으로 돌아갑니다.",
  "hop.caption.replyForward": "응답이 {place}에 들렀다가 {dst} 쪽으로 계속 돌아갑니다.",
  "hop.caption.unnatBoth":
    "{place}에서 conntrack이 이 연결의 NAT를 되돌렸습니다. 출발지는 {newSrc}, 목적지는 {newDst} 주소로 돌아갑니다.",
  "hop.caption.unnatSrc":
    "{place}에서 conntrack이 이 연결의 NAT를 되돌렸습니다. 출발지는 다시 {newSrc} 주소가 됩니다.",
  "hop.caption.unnatDst":
    "{place}에서 conntrack이 이 연결의 NAT를 되돌렸습니다. 목적지는 다시 {newDst} 주소가 됩니다.",
  "hop.caption.unnat":
    "{place}에서 conntrack이 이 연결의 NAT를 되돌려, 응답에는 클라이언트가 기대하는 주소가 담깁니다.",
  "hop.caption.replyReceive": "{place}에 {src}에서 보낸 응답이 도착했습니다.",
  "hop.caption.timeout": "제시간에 응답이 오지 않아 {place}에서 기다리기를 포기했습니다(타임아웃).",
  "hop.caption.vanish":
    "패킷이 {place}에 도달했지만, 그곳이 다운되었거나 더 이상 없어서 사라졌습니다. 클라이언트는 결국 타임아웃됩니다.",

  "hop.mark.drop": "DROP: {reason}",
  "hop.mark.reject": "REJECT: {reason}",
  "hop.mark.lost": "유실: {reason}",
  "hop.mark.dropBare": "DROP",
  "hop.mark.rejectBare": "REJECT",
  "hop.mark.lostBare": "유실",
  "hop.mark.refuse": "RST",
  "hop.markReason.etpLocal": "eTP Local, 로컬 엔드포인트 없음",
  "hop.markReason.itpLocal": "iTP Local, 로컬 엔드포인트 없음",
  "hop.markReason.firewall": "loadBalancerSourceRanges 밖",
  "hop.markReason.noBackend": "정상 노드 없음",
  "hop.markReason.noListener": "로드 밸런서에 리스너 없음",
  "hop.markReason.noNodePort": "전달할 NodePort 없음",
  "hop.markReason.noEndpoints": "엔드포인트 없음",
  "hop.markReason.clusterIPPort": "ClusterIP에 없는 포트",
  "hop.markReason.unallocated": "할당되지 않은 ClusterIP",
  "hop.markReason.nodeDown": "노드 다운",
  "hop.markReason.gone": "다운 또는 사라짐",
  "hop.markReason.clusterIP": "ClusterIP는 가상 주소",
  "hop.markReason.podNetwork": "없는 Pod 주소",
};
