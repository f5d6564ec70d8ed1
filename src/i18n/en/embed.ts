// An embedded playground (an iframe with ?embed, or a <kube-hops> element): its few controls, and what
// it says when its scenario cannot be had.
export const embed = {
  "embed.controls": "Playground controls",
  "embed.sendTitle": "Send one request to {to}",
  "embed.details": "Details",
  "embed.detailsTitle": "Inspector, event log, stats and YAML",
  "embed.closeDetails": "Close details",
  "embed.open": "Open in Kube Hops",
  "embed.openTitle": "Open the full Kube Hops playground in a new tab",
  "embed.hint": "Press Send to follow one request through the cluster.",
  "embed.problems_one": "This scenario has {count} problem: see Details, YAML.",
  "embed.problems_other": "This scenario has {count} problems: see Details, YAML.",
  "embed.loading": "Loading the cluster…",
  "embed.error.title": "This Kube Hops embed cannot start",
  "embed.error.none":
    'It has no scenario: give it a scenario attribute, a <script type="text/yaml"> inside it, or a src URL.',
  "embed.error.fetch": "The scenario at {url} could not be loaded: {reason}",
  "embed.error.status": "The scenario at {url} could not be loaded: the server answered {status}.",
  "embed.error.html": "The scenario at {url} could not be loaded: the server sent a web page, not YAML.",
  "embed.error.tooLarge": "The scenario is larger than {limit} KB, the most an embed loads.",
  "embed.error.lesson": "There is no lesson {n}.",
};
