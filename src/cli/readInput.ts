// Reading the CLI's input files within stated limits: at most MAX_INPUT_MB per file and for all files
// together, standard input at most once, and only UTF-8 text (decodeText). Reading stops at the limit
// or at the first NUL byte, so `/dev/zero` or an endless pipe costs no more than the limit.
import { type FileHandle, open } from "node:fs/promises";
import { decodeText, InputError } from "./decodeText";

export const MAX_INPUT_MB = 32;
const MAX_INPUT_BYTES = MAX_INPUT_MB * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** Standard input as chunks of bytes (process.stdin in the CLI). */
export type Stdin = () => AsyncIterable<Uint8Array>;

const shownName = (path: string) => (path === "-" ? "standard input" : path);

/** The text of each path (`-` for standard input), read once each, in order. */
export async function readInputs(paths: readonly string[], stdin: Stdin): Promise<Map<string, string>> {
  const stdinUses = paths.filter((p) => p === "-").length;
  if (stdinUses > 1)
    throw new InputError(`standard input (-) is named ${stdinUses} times; it can be read only once`);
  const texts = new Map<string, string>();
  let remaining = MAX_INPUT_BYTES;
  for (const path of paths) {
    if (texts.has(path)) continue;
    const bytes = await readBytes(path, remaining, stdin);
    remaining -= bytes.length;
    texts.set(path, decodeText(bytes, shownName(path)));
  }
  return texts;
}

async function readBytes(path: string, budget: number, stdin: Stdin): Promise<Uint8Array> {
  const name = shownName(path);
  const tooLarge = (size: number) =>
    new InputError(
      size > MAX_INPUT_BYTES
        ? `${name} is larger than ${MAX_INPUT_MB} MB: Kube Hops reads files up to ${MAX_INPUT_MB} MB`
        : `${name} takes the input past ${MAX_INPUT_MB} MB: Kube Hops reads up to ${MAX_INPUT_MB} MB of files in all`,
    );
  try {
    if (path === "-") return await collect(stdin(), budget, tooLarge);
    const file = await open(path, "r");
    try {
      const st = await file.stat();
      if (st.isDirectory()) throw new InputError(`cannot read ${name}: it is a directory`);
      // A regular file says its size: one too large is refused without reading it.
      if (st.isFile() && st.size > budget) throw tooLarge(st.size);
      return await collect(chunksOf(file), budget, tooLarge);
    } finally {
      await file.close();
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${name}: ${reason(e)}`);
  }
}

async function collect(
  chunks: AsyncIterable<Uint8Array>,
  budget: number,
  tooLarge: (size: number) => InputError,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
    // Binary or UTF-16: decodeText says which from what has been read; the rest is not needed.
    if (chunk.includes(0)) break;
    if (size > budget) throw tooLarge(size);
  }
  return Buffer.concat(parts);
}

async function* chunksOf(file: FileHandle): AsyncIterable<Uint8Array> {
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of its path is not a directory",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "the name is too long",
};

/** Why a file could not be read, in a few words (the system's own words when they are not listed). */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && Object.hasOwn(REASONS, code)) return REASONS[code]!;
  return code ?? String((e as Error | null)?.message ?? e);
}
