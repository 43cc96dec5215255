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

export function headOf(kind: DocumentKind, h: LayoutHead) {
  const s = h.settings;
  return {
    kind,
    parentLine: s.parentLine,
    issuerName: s.issuerName,
    numberLine: `Số: ${h.numberLabel ?? `      /${DOCUMENT_KIND_SYMBOL[kind]}-${s.shortName}`}`,
    placeDateLine: placeDateVi(s.placeName, h.issuedOn),
    recipients: s.recipients,
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
