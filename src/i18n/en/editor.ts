// The YAML editor: where the text stands, its actions, the problem list around the API server's
// messages (which stay as the API server words them), and CodeMirror's own phrases.
export const editor = {
  "editor.aria": "YAML manifests",
  "editor.editing": "Editing · applies when you pause",
  "editor.checking": "Checking…",
  "editor.errors_one": "{count} error",
  "editor.errors_other": "{count} errors",
  "editor.refused_one": "{count} error · the graph shows the last good version",
  "editor.refused_other": "{count} errors · the graph shows the last good version",
  "editor.appliedWarnings_one": "Applied · {count} warning",
  "editor.appliedWarnings_other": "Applied · {count} warnings",
  "editor.applied": "Applied · the graph matches this text",
  "editor.revert": "Revert to last good",
  "editor.apply": "Apply now",
  "editor.applyTitle": "Apply the text now (it also applies by itself when you stop typing)",
  "editor.open": "Open file…",
  "editor.openTitle":
    "Open manifests or a cluster listing (kubectl get … -o yaml); you can also drop a file anywhere on the page",
  "editor.drop": "Drop the file to open it",
  "editor.file.tooLarge": "{file} is larger than {limit} MB: Kube Hops opens files up to {limit} MB",
  "editor.file.binary":
    "{file} does not look like text (it holds NUL bytes): open YAML or JSON saved as UTF-8",
  "editor.file.encoding": "{file} is not valid UTF-8 text: save it as UTF-8 and open it again",
  "editor.file.unreadable":
    "The browser could not read {file}: open it again, or paste its text into the editor",
  "editor.file.refused_one":
    "{file} has {count} error, listed in the YAML panel; the graph still shows the last good version, and Undo brings your text back",
  "editor.file.refused_other":
    "{file} has {count} errors, listed in the YAML panel; the graph still shows the last good version, and Undo brings your text back",
  "editor.file.opened":
    "Opened {file}: {nodes} nodes, {pods} pods, {services} Services in {namespaces} namespaces. Undo brings back what was here.",
  "editor.file.openedNamespace":
    "Opened {file}: {nodes} nodes, {pods} pods, {services} Services in {namespaces} namespaces, showing namespace {namespace} (choose another above the graph). Undo brings back what was here.",
  "editor.file.openedUnsaved":
    "Opened {file}: {nodes} nodes, {pods} pods, {services} Services in {namespaces} namespaces. It is too big to keep in this browser (over {limit} characters): a reload brings back your last saved work.",
  "editor.file.openedNamespaceUnsaved":
    "Opened {file}: {nodes} nodes, {pods} pods, {services} Services in {namespaces} namespaces, showing namespace {namespace} (choose another above the graph). It is too big to keep in this browser (over {limit} characters): a reload brings back your last saved work.",
  "editor.hint": "Changes apply when you stop typing. Tab indents; Esc then Tab leaves the editor.",
  "editor.problems": "Problems in the YAML",
  "editor.line": "Line {line}",
  "editor.severity.error": "Error",
  "editor.severity.warning": "Warning",
  "editor.severity.info": "Info",
  "editor.cm.diagnostics": "Diagnostics",
  "editor.cm.noDiagnostics": "No diagnostics",
  "editor.cm.close": "close",
  "editor.cm.selectionDeleted": "Selection deleted",
  "editor.cm.controlCharacter": "Control character",
};
