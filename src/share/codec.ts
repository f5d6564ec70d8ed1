// Text in a URL fragment and back: UTF-8, deflate-raw with the browser's own CompressionStream, then
// base64url (the fragment's safe characters, no padding). Decoding takes untrusted input: the encoded
// length is capped before any work, and inflating stops as soon as the output passes its cap, so a
// small "compression bomb" costs no more than reading a megabyte.

/** The longest encoded text a link may carry, in characters (about 150 KB of compressed data). */
export const LINK_PAYLOAD_LIMIT = 200_000;
/** The most bytes a link's text may inflate to: the size autosave keeps (SAVED_YAML_LIMIT). */
export const LINK_TEXT_LIMIT = 1_000_000;

/** Why encoded text could not be read back. */
export type UnpackProblem =
  /** Longer than LINK_PAYLOAD_LIMIT: refused unread. */
  | "tooLong"
  /** Characters outside base64url, or a length no encoder makes: typed or copied wrong. */
  | "notEncoded"
  /** Not a complete deflate stream: cut short (a truncated copy) or altered. */
  | "damaged"
  /** Inflates to more than LINK_TEXT_LIMIT bytes. */
  | "tooLarge"
  /** Inflates to bytes that are not UTF-8 text. */
  | "notText";

type Unpacked = { ok: true; text: string } | { ok: false; problem: UnpackProblem };

export async function packText(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

export async function unpackText(encoded: string, limit = LINK_TEXT_LIMIT): Promise<Unpacked> {
  if (encoded.length > LINK_PAYLOAD_LIMIT) return { ok: false, problem: "tooLong" };
  const bytes = fromBase64Url(encoded);
  if (!bytes) return { ok: false, problem: "notEncoded" };
  const inflated = await inflate(bytes, limit);
  if (!(inflated instanceof Uint8Array)) return { ok: false, problem: inflated };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(inflated) };
  } catch {
    return { ok: false, problem: "notText" };
  }
}

/** Inflates `bytes`, reading chunk by chunk and giving up the moment the output passes `limit`. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array | "damaged" | "tooLarge"> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => {});
        return "tooLarge";
      }
      chunks.push(value);
    }
  } catch {
    return "damaged";
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  // In slices: String.fromCharCode with too many arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The bytes of base64url text, or null when it is not base64url (padding is tolerated). */
export function fromBase64Url(text: string): Uint8Array | null {
  const bare = text.replace(/=+$/, "");
  // A length of 4n+1 characters cannot come from any byte string.
  if (!/^[A-Za-z0-9_-]*$/.test(bare) || bare.length % 4 === 1) return null;
  try {
    const binary = atob(bare.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
