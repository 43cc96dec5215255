// The pieces every template shares: the heading from a unit's settings, the date in words, numbers in Vietnamese.
import { IsoDate, isIsoDate } from './calendar-days';
import { DOCUMENT_KIND_SYMBOL, DocumentBlock, DocumentKind, DocumentSettings, LayoutHead, PersonRow } from './official-document-types';

/**
 * "Thái Bình, ngày 05 tháng 12 năm 2026": Decree 30 writes days 1–9 and months 1–2 with a leading zero
 * (so "tháng 3" but "tháng 02").
 */
export function placeDateVi(place: string, day: IsoDate): string {
  if (!isIsoDate(day)) throw new RangeError(`Not a YYYY-MM-DD date: ${day}`);
  const [y, m, d] = day.split('-').map(Number);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  const date = `ngày ${dd} tháng ${mm} năm ${y}`;
  return place.trim() ? `${place.trim()}, ${date}` : date;
}

/** Whole numbers with Vietnamese thousands dots; percents with a decimal comma. */
export function formatCountVi(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

export const dmy = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
export const para = (text: string, o: Omit<Extract<DocumentBlock, { kind: 'paragraph' }>, 'kind' | 'text'> = {}): DocumentBlock => ({
  kind: 'paragraph',
  text,
  ...o,
});
export const bodyOf = (settings: DocumentSettings) => settings.authorityLine.replace(/^(TM\.|KT\.|Q\.|TL\.)\s*/i, '').trim();

/**
 * The addressees of a kind beside the unit's list ("Nơi nhận"), or null where the unit's list is used as saved. The
 * unit's list is written for its decisions: "Như Điều 3;" names those the decision's last article charges with
 * carrying it out. A plan, a notice or a report has no articles: it goes to its own addressees, then the unit's
 * other lines (the upper level "để b/c", "Lưu: VT, …") without "Như Điều …".
 */
const KIND_RECIPIENTS: Record<DocumentKind, readonly string[] | null> = {
  [DocumentKind.RECOGNITION_DECISION]: null,
  [DocumentKind.ADMISSION_DECISION]: null,
  [DocumentKind.PLAN]: ['Các công đoàn cơ sở trực thuộc;', 'Cán bộ được phân công (để t/h);'],
  [DocumentKind.REVIEW_CONCLUSION]: ['Các đồng chí dự giao ban;', 'Các công đoàn cơ sở trực thuộc;'],
  [DocumentKind.PERIOD_REPORT]: [],
};
const ARTICLE_LINE = /^như\s+điều(\s|$)/iu;
const sameLine = (r: string) =>
  r
    .normalize('NFC')
    .trim()
    .toLocaleLowerCase('vi')
    .replace(/[\s;.,]+$/u, '');

/** "Nơi nhận" of a document of `kind` from the unit's list (docs/architecture.md#official-documents). */
export function recipientsFor(kind: DocumentKind, unitList: readonly string[]): string[] {
  const own = KIND_RECIPIENTS[kind];
  if (!own) return [...unitList];
  const seen = new Set(own.map(sameLine));
  const rest = unitList.filter((r) => !ARTICLE_LINE.test(r.normalize('NFC').trim()) && !seen.has(sameLine(r)));
  const out = [...own, ...rest];
  return out.length ? out : ['Lưu: VT.'];
}

export function headOf(kind: DocumentKind, h: LayoutHead) {
  const s = h.settings;
  return {
    kind,
    parentLine: s.parentLine,
    issuerName: s.issuerName,
    numberLine: `Số: ${h.numberLabel ?? `      /${DOCUMENT_KIND_SYMBOL[kind]}-${s.shortName}`}`,
    placeDateLine: placeDateVi(s.placeName, h.issuedOn),
    recipients: recipientsFor(kind, s.recipients),
    authorityLine: s.authorityLine,
    signerTitle: s.signerTitle
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    signerName: s.signerName,
  };
}

export function peopleTable(rows: PersonRow[]): Extract<DocumentBlock, { kind: 'table' }> {
  return {
    kind: 'table',
    headers: ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Ghi chú'],
    widths: [8, 44, 14, 14, 20],
    rows: rows.map((p, i) => [String(i + 1), p.fullName, p.birthYear ? String(p.birthYear) : '', p.gender ?? '', p.note ?? '']),
  };
}
