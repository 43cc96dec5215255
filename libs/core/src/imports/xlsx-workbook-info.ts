/**
 * Which sheets an XLSX has, in tab order, whether they are visible, and which zip entry holds each:
 * read from xl/workbook.xml and xl/_rels/workbook.xml.rels, small parts scanned with regular
 * expressions (no workbook model is built).
 */

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  state: SheetState;
  /** 'worksheet', or what else the relationship says ('chartsheet', 'dialogsheet' …). */
  kind: string;
  /** The zip entry, e.g. 'xl/worksheets/sheet1.xml'; null when the relationship is missing. */
  path: string | null;
}

export interface CellRange {
  /** 1-based rows, 0-based columns (as RawRow.cells), inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e] ?? whole;
  });
}

/** Attributes of one tag, by name as written (prefix included). */
function attributes(tagBody: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tagBody.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set(m[1], decodeXmlText(m[2] ?? m[3] ?? ''));
  }
  return attrs;
}

/** The value of the attribute named `local` under any namespace prefix (r:id, ns1:id …). */
function prefixed(attrs: Map<string, string>, local: string): string | undefined {
  for (const [k, v] of attrs) if (k.endsWith(`:${local}`)) return v;
  return undefined;
}

/** 'worksheets/sheet1.xml' relative to xl/, or '/xl/worksheets/sheet1.xml' absolute → 'xl/worksheets/sheet1.xml'. */
function resolveTarget(target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** The sheets of a workbook, in tab order. */
export function parseWorkbookSheets(workbookXml: string, relsXml: string | null): SheetInfo[] {
  const rels = new Map<string, { kind: string; path: string }>();
  for (const m of (relsXml ?? '').matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    const id = a.get('Id');
    const target = a.get('Target');
    if (!id || !target || a.get('TargetMode') === 'External') continue;
    const kind = (a.get('Type') ?? '').split('/').pop() ?? '';
    rels.set(id, { kind, path: resolveTarget(target) });
  }
  const sheets: SheetInfo[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    const rawState = a.get('state');
    const state: SheetState = rawState === 'hidden' || rawState === 'veryHidden' ? rawState : 'visible';
    const rel = rels.get(prefixed(a, 'id') ?? '');
    sheets.push({ name: a.get('name') ?? '', state, kind: rel?.kind ?? 'worksheet', path: rel?.path ?? null });
  }
  return sheets;
}

/** 'B3' or 'B3:D4' → a range; null when malformed. */
export function parseRange(ref: string): CellRange | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref);
  if (!m) return null;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(m[2]);
  const c1 = col(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

const MERGE_TAG = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["'][^>]*>/g;
/** Longer than any mergeCell tag, so one cut by a chunk boundary is whole in the next scan. */
const CARRY_CHARS = 512;

/**
 * Collects <mergeCell ref="…"> ranges from a worksheet's XML as its chunks pass by, without keeping the XML:
 * merges come after the rows in the file, but the reader needs them before the first row.
 */
export class MergeScanner {
  readonly ranges: CellRange[] = [];
  private carry = '';

  constructor(private readonly onRange: (count: number) => void = () => undefined) {}

  push(chunk: Buffer): void {
    // Tags and refs are ASCII: latin1 keeps every byte one character, whatever the multi-byte text around.
    const text = this.carry + chunk.toString('latin1');
    let lastEnd = 0;
    for (const m of text.matchAll(MERGE_TAG)) {
      const range = parseRange(m[1]);
      if (range) {
        this.ranges.push(range);
        this.onRange(this.ranges.length);
      }
      lastEnd = (m.index ?? 0) + m[0].length;
    }
    const rest = text.slice(lastEnd);
    this.carry = rest.length > CARRY_CHARS ? rest.slice(-CARRY_CHARS) : rest;
  }
}
