// The event log's rows as files: CSV for a spreadsheet, JSON for scripts. The columns are the same in
// both and named as data (stable English identifiers a script can rely on); the words in the cells (what
// happened) are in the page's language, as the log panel shows them.
import { TICKS_PER_SECOND } from "../protocol/simulation";
import type { LogRow } from "../ui/log/logRows";

export const LOG_CSV_FILE = "kube-hops-event-log.csv";
export const LOG_JSON_FILE = "kube-hops-event-log.json";

export const LOG_COLUMNS = [
  "time_s",
  "kind",
  "packet",
  "connection",
  "from",
  "to",
  "what",
  "tone",
  "src",
  "dst",
  "after_src",
  "after_dst",
  "rules",
  "note",
  "object",
  "message",
] as const;

type LogColumn = (typeof LOG_COLUMNS)[number];
type LogRecord = Record<LogColumn, string | number | null>;

/** Seconds of simulated time, exact to the tick (a microsecond). */
const seconds = (tick: number): number => Number((tick / TICKS_PER_SECOND).toFixed(6));

export function logRecords(rows: readonly LogRow[]): LogRecord[] {
  return rows.map((r) =>
    r.kind === "hop"
      ? {
          time_s: seconds(r.tick),
          kind: "hop",
          packet: r.packet,
          connection: r.connection,
          from: r.from,
          to: r.to,
          what: r.label,
          tone: r.tone,
          src: r.before.src,
          dst: r.before.dst,
          after_src: r.after?.src ?? null,
          after_dst: r.after?.dst ?? null,
          rules: r.rules.join(" > "),
          note: r.note || null,
          object: null,
          message: null,
        }
      : {
          time_s: seconds(r.tick),
          kind: "event",
          packet: null,
          connection: null,
          from: null,
          to: null,
          what: r.label,
          tone: r.tone,
          src: null,
          dst: null,
          after_src: null,
          after_dst: null,
          rules: null,
          note: null,
          object: r.object,
          message: r.message || null,
        },
  );
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. Text
 * that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) gets a
 * leading apostrophe, so that opening the file never runs anything; numbers are written as numbers.
 */
export function csvCell(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV: a header, CRLF line ends, and a byte-order mark so that spreadsheets read UTF-8 (Korean). */
export function logCsv(rows: readonly LogRow[]): string {
  const lines = [LOG_COLUMNS.join(",")];
  for (const rec of logRecords(rows)) lines.push(LOG_COLUMNS.map((c) => csvCell(rec[c])).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

interface LogJsonMeta {
  /** The simulated time when exported, in ticks. */
  now: number;
  lang: string;
  /** The log panel's filter, when one was on. */
  filter: { packet: number | null; client: string | null };
}

export function logJson(rows: readonly LogRow[], meta: LogJsonMeta): string {
  const doc = {
    format: "kube-hops-event-log",
    version: 1,
    time_s: seconds(meta.now),
    lang: meta.lang,
    filter: meta.filter,
    columns: LOG_COLUMNS,
    rows: logRecords(rows),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
