// A file the person opens or drops (manifests, or a cluster listing from `kubectl get -o yaml`) read as
// text the way the command line reads one: UTF-8, or UTF-16 that starts with its byte order mark (what
// Windows PowerShell's `kubectl ... > cluster.yaml` writes). Anything else is refused with a reason, so
// a picture or an archive dropped by mistake is never parsed and echoed back as garbage.

/** Like the command line's limit: a real cluster's listing fits many times over. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

type FileProblem = "tooLarge" | "binary" | "encoding" | "unreadable";

type ReadFile = { ok: true; text: string } | { ok: false; problem: FileProblem };

export async function readTextFile(file: Blob): Promise<ReadFile> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: "tooLarge" };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : null;
  if (!utf16 && bytes.includes(0)) return { ok: false, problem: "binary" };
  try {
    return { ok: true, text: new TextDecoder(utf16 ?? "utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: "encoding" };
  }
}
