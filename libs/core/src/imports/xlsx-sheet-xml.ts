/**
 * The few parts of SpreadsheetML an import reads, scanned as text: shared strings, the cell formats that make a
 * number a date, and the cells of a worksheet's rows. A general XML parser builds an event and an object per tag;
 * exceljs's streaming reader took about three times as long as these scans on a 20,000-row register. Values are
 * interpreted as that reader did (docs/architecture.md#imports-and-exports).
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its character and entity references resolved. */
export function xmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

const ATTR = /([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * One attribute of a start tag's inside, looked up by text search (the scans call this for every cell); tags that
 * quote with apostrophes go through xmlAttributes.
 */
export function xmlAttribute(tag: string, name: string): string | undefined {
  if (tag.includes("'")) return xmlAttributes(tag)[name];
  const key = `${name}="`;
  let at = tag.indexOf(key);
  // The name must stand alone: ` r="`, not `ar="`.
  while (at > 0 && !/\s/.test(tag.charAt(at - 1))) at = tag.indexOf(key, at + 1);
  if (at < 0) return undefined;
  const from = at + key.length;
  return xmlText(tag.slice(from, tag.indexOf('"', from)));
}

/** The attributes of a start tag's inside (`r="A1" t="s"`), by name, values resolved. */
export function xmlAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR)) out[m[1]] = xmlText(m[2] ?? m[3] ?? '');
  return out;
}

const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>/g;
const TEXT_RUN = /<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g;

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic guides left out. */
export function stringItemText(inner: string): string {
  const body = inner.includes('<rPh') ? inner.replace(PHONETIC, '') : inner;
  let text = '';
  for (const m of body.matchAll(TEXT_RUN)) text += m[1] ?? '';
  return xmlText(text);
}

/**
 * Complete elements `<name …>…</name>` (or `<name …/>`) out of text that arrives in pieces: `push` returns those
 * now whole, keeping the incomplete rest for the next piece.
 */
export class ElementScanner {
  private rest = '';
  private readonly open: string;
  private readonly close: string;

  constructor(name: string) {
    this.open = `<${name}`;
    this.close = `</${name}>`;
  }

  push(text: string): string[] {
    const s = this.rest + text;
    const out: string[] = [];
    let at = 0;
    for (;;) {
      let start = s.indexOf(this.open, at);
      // `<si` must not match `<sheetData`, nor `<row` a `<rows…`: the name ends at a space, `>` or `/`.
      while (start >= 0 && start + this.open.length < s.length && !/[\s>/]/.test(s.charAt(start + this.open.length))) {
        start = s.indexOf(this.open, start + 1);
      }
      if (start < 0) {
        // Keep a tail that may be the beginning of the next element's tag.
        this.rest = s.slice(Math.max(at, s.length - this.open.length));
        return out;
      }
      const tagEnd = start + this.open.length < s.length ? s.indexOf('>', start) : -1;
      if (tagEnd < 0) return this.keep(s, start, out);
      if (s.charAt(tagEnd - 1) === '/') {
        out.push(s.slice(start, tagEnd + 1));
        at = tagEnd + 1;
        continue;
      }
      const end = s.indexOf(this.close, tagEnd);
      if (end < 0) return this.keep(s, start, out);
      out.push(s.slice(start, end + this.close.length));
      at = end + this.close.length;
    }
  }

  private keep(s: string, from: number, out: string[]): string[] {
    this.rest = s.slice(from);
    return out;
  }
}

/** exceljs's built-in number formats that matter here: those that make a number a date or a time. */
const BUILT_IN_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/** A format code that shows a date or a time: a date letter outside quotes and brackets (as exceljs decides). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** styles.xml → for each cell format (the `s` of a cell), whether its number format is a date. */
export function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const a = xmlAttributes(m[1]);
    if (a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(xmlAttributes(m[1]).numFmtId ?? 0);
    out.push(id !== 0 && isDateFormat(custom.get(id) ?? BUILT_IN_FORMATS[id]));
  }
  return out;
}

/** workbook.xml's date system: serial 0 is 1904-01-01 instead of 1899-12-30. */
export function usesDate1904(workbookXml: string): boolean {
  const pr = /<workbookPr\b([^>]*)>/.exec(workbookXml);
  const v = pr ? xmlAttributes(pr[1]).date1904 : undefined;
  return v === '1' || v === 'true';
}

/** An Excel serial day number as a Date (UTC), as exceljs converts it. */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** One cell as written in a row: its column (0-based), type, style, and raw parts. */
export interface XmlCell {
  column: number;
  type: string | undefined;
  style: number;
  formula: boolean;
  /** The `<v>` text, undefined without one. */
  value: string | undefined;
  /** The `<is>` inline string's text. */
  inline: string | undefined;
}

const CELL = /<c(?=[\s>/])([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const V = /<v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/v>)/;
const IS = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/;

/** `A1` → 0, `AB7` → 27; -1 when absent. */
function columnOfRef(ref: string | undefined): number {
  if (!ref) return -1;
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return i === 0 ? -1 : n - 1;
}

/** A `<row>` element → its number (from `r`, else `previous + 1`) and cells (a cell without `r` follows the one before). */
export function parseRow(xml: string, previous: number): { rowNumber: number; cells: XmlCell[] } {
  const tagEnd = xml.indexOf('>');
  const r = Number(xmlAttribute(xml.slice(4, xml.charAt(tagEnd - 1) === '/' ? tagEnd - 1 : tagEnd), 'r'));
  const rowNumber = Number.isInteger(r) && r > 0 ? r : previous + 1;
  const cells: XmlCell[] = [];
  let column = -1;
  for (const m of xml.slice(tagEnd + 1).matchAll(CELL)) {
    const tag = m[1];
    const at = columnOfRef(xmlAttribute(tag, 'r'));
    column = at >= 0 ? at : column + 1;
    const type = xmlAttribute(tag, 't');
    const style = xmlAttribute(tag, 's');
    const inner = m[2] ?? '';
    const v = inner ? V.exec(inner) : null;
    const is = inner && type === 'inlineStr' ? IS.exec(inner) : null;
    cells.push({
      column,
      type,
      style: style ? Number(style) : 0,
      formula: inner.includes('<f'),
      value: v ? (v[1] ?? '') : undefined,
      inline: is ? stringItemText(is[1]) : undefined,
    });
  }
  return { rowNumber, cells };
}
