// Sharing: the Share menu (a link, an embed code), the bar over a shared scenario, and what a link
// that cannot be opened says about itself.
export const share = {
  "share.button": "Share",
  "share.menu": "Share this playground",
  "share.copyLink": "Copy link",
  "share.copyLinkHint": "The scenario, the layout and this moment of the simulation, in one link",
  "share.copyEmbed": "Copy embed code",
  "share.copyEmbedHint": "An iframe for a blog post or a course page",
  "share.making": "Making the link…",
  "share.linkCopied": "Link copied. Whoever opens it sees this playground as it is now.",
  "share.embedCopied": "Embed code copied. Paste it into the HTML of your page.",
  "share.copyByHand": "Your browser did not let the page copy. Select the text below and copy it yourself:",
  "share.linkLabel": "Link to this playground",
  "share.embedLabel": "Embed code",
  "share.embedTitle": "Kube Hops: Kubernetes Service networking playground",
  "share.tooManyActions":
    "This run has {count} simulation actions; a link holds at most {limit}. Reload the page (your scenario and layout stay) to start the simulation afresh, then share again.",
  "share.runTooLong":
    "The simulation has run {events} events; a link replays at most {limit}. Reload the page (your scenario and layout stay) to start the run afresh, then share again.",
  "share.tooLarge":
    "The link would be {length} characters long; a link carries at most {limit}. Share a smaller scenario, or send the YAML as a file.",
  "share.yamlTooLong": "The scenario is longer than {limit} characters, too long to share as a link.",
  "share.noRun": "The simulation is not ready yet ({reason}). Try again in a moment.",
  "share.runNotRestored":
    "The shared scenario opened, but its simulation could not be brought to the shared moment: {reason}",
  "share.barLabel": "Shared scenario",
  "share.barText":
    "You are looking at a scenario someone shared. Changes here are not saved, and your own work is kept as it was.",
  "share.barLesson": "Shared from lesson {lesson}, step {step}.",
  "share.keep": "Keep as my work",
  "share.keepHint":
    "Save this scenario as your work in this browser. Your previous work is put aside in storage, not deleted.",
  "share.back": "Back to my work",
  "share.backHint": "Leave the shared scenario and show the work saved in this browser",
  "share.brokenTitle": "This shared link could not be opened.",
  "share.brokenFix":
    "Ask whoever sent it for the link again and copy all of it: links are long. Your own work is shown below, untouched.",
  "share.dismiss": "Dismiss",
  "share.problem.tooLong":
    "The data after “#s=” is {length} characters long; a link carries at most {limit}.",
  "share.problem.notEncoded":
    "The data after “#s=” has characters a Kube Hops link never contains: it was probably typed or pasted wrong.",
  "share.problem.damaged":
    "The data after “#s=” is incomplete or altered: it was probably cut short when copied.",
  "share.problem.tooLarge":
    "The data after “#s=” unpacks to more than {limit} bytes, more than a link may hold.",
  "share.problem.notText": "The data after “#s=” does not hold a Kube Hops scenario.",
  "share.problem.notJson": "The data after “#s=” does not hold a Kube Hops scenario.",
  "share.problem.version":
    "The link was made by another version of Kube Hops (link format {version}); this page reads format 1. Reload the page: a newer version may be out.",
  "share.problem.versionUnknown": "The link does not say which version of Kube Hops made it.",
  "share.problem.field": "Part of the link is damaged: {field}.",
  "share.field.yaml": "the scenario's YAML",
  "share.field.positions": "the layout of the graph",
  "share.field.seed": "the random seed",
  "share.field.journal": "the simulation's actions",
  "share.field.at": "the moment of the simulation",
  "share.field.lesson": "the lesson number",
  "share.field.step": "the lesson step",
  "share.field.lang": "the language",
  "share.field.view": "the namespace and folded nodes shown",
};
