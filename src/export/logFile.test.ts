import { describe, expect, it } from "vitest";
import type { LogRow } from "../ui/log/logRows";
import { csvCell, LOG_COLUMNS, logCsv, logJson, logRecords } from "./logFile";

const hop: LogRow = {
  kind: "hop",
  key: "h1",
  tick: 1_234_567,
  packet: 7,
  connection: 3,
  from: "client:laptop",
  to: "node:node-2",
  label: "DNAT",
  tone: "info",
  before: { src: "192.168.1.10:40000", dst: "192.168.1.3:30080" },
  after: { src: "192.168.1.10:40000", dst: "10.244.1.2:8080" },
  rules: ["KUBE-SERVICES", "KUBE-NODEPORTS"],
  note: 'picked "web-1", 1/3',
};
const event: LogRow = {
  kind: "event",
  key: "e0",
  tick: 2_000_000,
  label: "Pod created",
  tone: "info",
  object: "Pod/default/web-1",
  message: '=HYPERLINK("http://x")\nsecond line',
};

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("event log files", () => {
  it("quotes cells with commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
  });

  it("guards text a spreadsheet would run as a formula with a leading apostrophe", () => {
    for (const f of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
      expect(csvCell(f).replace(/^"/, "")[0]).toBe("'");
    expect(csvCell("=A1,B1")).toBe(`"'=A1,B1"`);
    // Numbers are data, not text: a negative number stays a number.
    expect(csvCell(-1.5)).toBe("-1.5");
  });

  it("writes a header and one line per row that read back to the same cells", () => {
    const csv = logCsv([hop, event]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual([...LOG_COLUMNS]);
    expect(rows).toHaveLength(3);
    const h = Object.fromEntries(LOG_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(h).toMatchObject({
      time_s: "1.234567",
      kind: "hop",
      packet: "7",
      to: "node:node-2",
      what: "DNAT",
      after_dst: "10.244.1.2:8080",
      rules: "KUBE-SERVICES > KUBE-NODEPORTS",
      note: 'picked "web-1", 1/3',
    });
    const e = Object.fromEntries(LOG_COLUMNS.map((c, i) => [c, rows[2]![i]]));
    expect(e.message).toBe('\'=HYPERLINK("http://x")\nsecond line');
    expect(e.packet).toBe("");
  });

  it("writes JSON with the same records, numbers as numbers and absent cells as null", () => {
    const doc = JSON.parse(
      logJson([hop, event], { now: 3_000_000, lang: "en", filter: { packet: null, client: null } }),
    );
    expect(doc.format).toBe("kube-hops-event-log");
    expect(doc.time_s).toBe(3);
    expect(doc.rows).toEqual(logRecords([hop, event]));
    expect(doc.rows[0].packet).toBe(7);
    expect(doc.rows[1].packet).toBeNull();
    // JSON is not for spreadsheets: the text stays exactly as it was.
    expect(doc.rows[1].message).toBe(event.message);
  });
});
