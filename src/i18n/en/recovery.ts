// Recovering from the unexpected: the screen shown when the playground cannot draw, and the notices
// after a damaged saved entry, a manifest that cannot load, or a simulation worker that hung or failed.
export const recovery = {
  "recovery.title": "The playground stopped working",
  "recovery.body":
    "Something on this page failed and the playground cannot be drawn. Your YAML is kept below: copy it first, then reset and paste it back into the YAML editor when you want it again.",
  "recovery.lessonBody":
    "Something in this lesson failed and its playground cannot be drawn. Start the lesson again, or copy the YAML below to keep it.",
  "recovery.compareTitle": "The comparison stopped working",
  "recovery.compareBody":
    "Something in the comparison failed and it cannot be drawn. Close it to go back to your playground, which is untouched.",
  "recovery.detail": "What failed: {message}",
  "recovery.yaml": "Your YAML",
  "recovery.noYaml": "No text to keep: the playground had not loaded any.",
  "recovery.copy": "Copy my YAML",
  "recovery.copied": "Copied to the clipboard.",
  "recovery.copyFailed":
    "The browser did not allow copying: the text is selected, press Ctrl+C (⌘C on a Mac).",
  "recovery.reset": "Reset to the default scenario",
  "recovery.resetLesson": "Start the lesson again",
  "recovery.closeCompare": "Close the comparison",
  "recovery.notApplied": "Not loaded · the graph shows the last good version",
  "recovery.saved.part":
    "Part of your saved work could not be read (it was damaged, or written by another version), so that part was left out; your YAML is back. The entry as it was is kept in this browser's storage under {key}.",
  "recovery.saved.none":
    "Your saved work could not be read (it was damaged, or written by another version), so the default scenario is loaded. The entry as it was is kept in this browser's storage under {key}.",
  "recovery.saved.partKept":
    "Part of your saved work could not be read, so that part was left out; your YAML is back.",
  "recovery.saved.noneKept":
    "Your saved work could not be read, so the default scenario is loaded. Storage is full, so the old entry was left in place.",
  "recovery.loadFailed":
    "Your YAML could not be loaded ({reason}), so the default scenario is shown. Your text is still in the YAML editor.",
  "recovery.worker.timeout":
    "The simulation did not answer for {seconds}\u00a0s, so it was restarted with the last cluster that loaded. Traffic and failed nodes start afresh.",
  "recovery.worker.loadTimeout":
    "Your YAML took longer than {seconds}\u00a0s to load, so the simulation was restarted with the last cluster that loaded. Your text is still in the YAML editor: with fewer replicas or objects it loads faster.",
  "recovery.worker.loadTimeoutScenario":
    "Your YAML took longer than {seconds}\u00a0s to load, so the simulation was restarted with the default scenario. Your text is still in the YAML editor: with fewer replicas or objects it loads faster.",
  "recovery.worker.crash":
    "The simulation failed ({reason}), so it was restarted with the last cluster that loaded. Traffic and failed nodes start afresh.",
  "recovery.worker.crashScenario":
    "The simulation failed while loading your YAML ({reason}), so it was restarted with the default scenario. Your text is still in the YAML editor.",
  "recovery.worker.stopped":
    "Loading was stopped, and the last cluster that loaded is shown again. Your text is still in the YAML editor.",
  "recovery.worker.stoppedScenario":
    "Loading was stopped, and the default scenario is shown. Your text is still in the YAML editor: with fewer replicas or objects it loads faster.",
  "recovery.slowLoad":
    "This is taking a while. If the cluster has not loaded after {seconds}\u00a0s, the default scenario is shown instead; your text stays in the YAML editor.",
  "recovery.stopLoad": "Show the default scenario now",
  "recovery.worker.gaveUp":
    "The simulation failed again after {times} restarts, so it was stopped. Reload the page to start it afresh.",
};
