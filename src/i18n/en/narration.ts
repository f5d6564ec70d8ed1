// Narrated requests: the caption bar over the graph and its controls.
export const narration = {
  "narration.label": "Narration",
  "narration.hop": "Hop {n}",
  "narration.moving": "The packet is on its way…",
  "narration.dns": "DNS lookup",
  "narration.dnsTitle":
    "Before it connects, the pod asks the cluster DNS (the kube-dns Service, served by CoreDNS) for the name's address",
  "narration.back": "Back",
  "narration.next": "Next",
  "narration.playOn": "Play on",
  "narration.playOnTitle": "Stop explaining and let the simulation run",
  "narration.done": "Done",
  "narration.toggle": "Narrate",
  "narration.toggleTitle": "Explain the next request hop by hop, pausing at each place",
};
