// Export: the graph as a picture, a request as an animation, the event log as data, the scenario for kubectl.
export const exportArea = {
  "export.button": "Export",
  "export.button.title": "Save the graph, an animation, the event log or the scenario as a file",
  "export.menu": "Export",
  "export.png": "Graph as PNG",
  "export.png.hint": "A picture for documents and slides",
  "export.svg": "Graph as SVG",
  "export.svg.hint": "Sharp at any size; text stays text",
  "export.gif": "Last request as GIF",
  "export.gif.hint": "The last request or burst as an animation for slides, packets moving hop by hop",
  "export.csv": "Event log as CSV",
  "export.csv.hint": "For a spreadsheet: the rows the Event log shows",
  "export.json": "Event log as JSON",
  "export.json.hint": "The same rows, for scripts",
  "export.yaml": "Scenario for kubectl",
  "export.yaml.hint": "YAML that kubectl apply -f accepts, without the playground's own settings",

  "export.gif.progress": "Making the GIF: frame {done} of {total}",
  "export.gif.cancel": "Stop",
  "export.gif.none": "Send a request or a burst first: the GIF shows the last one.",
  "export.gif.caption": "{from} → {to}",
  "export.gif.captionMany_one": "{from} → {to} · {count} request",
  "export.gif.captionMany_other": "{from} → {to} · {count} requests",
  "export.gif.clock": "t = {time}",
  "export.saved": "Saved {file}",
  "export.failed": "Could not export: {error}",
  "export.empty": "The cluster has not loaded yet.",

  "export.yaml.title": "Kube Hops scenario, for kubectl apply -f {file}",
  "export.yaml.leftOut":
    "Left out, because only the playground has them or a real cluster fills them in itself:",
  "export.yaml.playgroundKind":
    "- {kind} ({apiVersion}): the playground's own cluster settings (address ranges, kube-proxy mode, timings)",
  "export.yaml.playgroundKindClients":
    "- {kind} ({apiVersion}): the playground's own cluster settings (address ranges, kube-proxy mode, timings) and its outside clients ({clients})",
  "export.yaml.status": "- status of {objects}: the kubelet and the controllers report it",
  "export.yaml.metadata": "- {fields} of {object}: the API server sets them",
  "export.yaml.clusterIP":
    "- spec.clusterIP {ip} of {object}: an address from the playground's Service range; the API server allocates one from its own",
  "export.yaml.nodePort":
    "- nodePort {port} of {object}: outside the usual 30000-32767 range; the API server allocates one",
  "export.yaml.unreadable": "- document {index}: it is not valid YAML",
  "export.yaml.nothingLeftOut": "Nothing had to be left out.",
  "export.yaml.nodes":
    "The Node objects stay, so that the file describes the whole cluster. On a real cluster each kubelet registers its own Node: delete the Node documents before applying the file there.",
};
