// RFC 4180 CSV: quoted fields, doubled quotes, CR/LF/CRLF line ends, a UTF-8 BOM. Every row keeps
// the line number it started on, so a bad row is reported where the seller can find it.

export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  header: string[];
  rows: CsvRow[];
}

export class CsvError extends Error {
  constructor(public readonly line: number, message: string) {
    super(message);
  }
}

export function parseCsv(text: string): ParsedCsv {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    // Blank lines carry no row.
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new CsvError(rowLine, `A quoted field that starts on line ${rowLine} is never closed.`);
  if (cell !== '' || cells.length) endRow();
  const [first, ...rest] = rows;
  return { header: (first?.cells ?? []).map((h) => h.trim()), rows: rest };
}

/** Quotes when needed; cells a spreadsheet would run as a formula get a leading apostrophe. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Maps header names (case-insensitive, `_`/space/`-` ignored) to column indexes. */
export function columnIndex(header: string[], aliases: Record<string, string[]>): Record<string, number | undefined> {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
  const at = new Map(header.map((h, i) => [norm(h), i]));
  const out: Record<string, number | undefined> = {};
  for (const [field, names] of Object.entries(aliases)) {
    out[field] = [field, ...names].map((n) => at.get(norm(n))).find((i) => i !== undefined);
  }
  return out;
}
