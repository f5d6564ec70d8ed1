// Files dropped anywhere on the playground open as its scenario. Only drags that carry files are
// taken (text dragged within the page stays the browser's), and the drop is caught before CodeMirror
// would paste the file into the middle of the text.
import { type DragEvent, useState } from "react";
import { useOpenFile } from "./useOpenFile";

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes("Files");

export function useFileDrop() {
  const open = useOpenFile();
  const [over, setOver] = useState(false);
  return {
    over,
    handlers: {
      onDragOverCapture(e: DragEvent) {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      },
      onDragLeave(e: DragEvent) {
        // Leaving for a child is not leaving the page.
        if (!e.currentTarget.contains(e.relatedTarget as globalThis.Node | null)) setOver(false);
      },
      onDropCapture(e: DragEvent) {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) void open(file);
      },
    },
  };
}
