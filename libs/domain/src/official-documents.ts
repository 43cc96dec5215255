// Official documents in the layout of Decree 30/2020/NĐ-CP as the union applies it (QĐ 933/QĐ-TLĐ, forms 1.3/1.4):
// the layout as data, built from a unit's settings and a source's facts. Rendering (DOCX, PDF) is not here.
// See docs/architecture.md#official-documents.
import { foldText } from './text-fold';
import { DOCUMENT_KIND_SYMBOL, DocumentFacts, DocumentKind, DocumentLayout, DocumentSettings, LayoutHead } from './official-document-types';
import { admissionLayout, periodReportLayout, recognitionLayout } from './official-document-decisions';
import { planLayout, reviewConclusionLayout } from './official-document-plans';

export * from './official-document-types';
export * from './official-document-parts';

export const DOCUMENT_SETTING_LIMITS = { line: 200, shortName: 20, recipients: 20 } as const;

/** Sensible defaults for a unit nobody has set up yet: its own name as issuer, its parent's as parent line. */
export function defaultDocumentSettings(unit: { name: string; parentName: string | null; kind: string }): DocumentSettings {
  const grassroots = unit.kind === 'GRASSROOTS';
  return {
    parentLine: (unit.parentName ?? 'Tổng Liên đoàn Lao động Việt Nam').toUpperCase(),
    issuerName: unit.name.toUpperCase(),
    shortName: abbreviation(unit.name),
    placeName: 'Thái Bình',
    authorityLine: grassroots ? 'TM. BAN CHẤP HÀNH' : 'TM. BAN THƯỜNG VỤ',
    signerTitle: 'CHỦ TỊCH',
    signerName: '',
    recipients: grassroots ? ['Như Điều 2;', 'Công đoàn cấp trên (để b/c);', 'Lưu: VT.'] : ['Như Điều 3;', 'LĐLĐ tỉnh (để b/c);', 'Lưu: VT, ToC.'],
  };
}

/** First letters of the words, capitals ("Công đoàn ngành Y tế" → "CĐNYT"), at most 10; "CĐ" kept as one sign. */
export function abbreviation(name: string): string {
  const words = name.normalize('NFC').split(/\s+/).filter(Boolean);
  const letters = words.map((w) => (/^đ/i.test(w) ? 'Đ' : w[0].toUpperCase())).join('');
  return letters.replace(/[^\p{L}\p{N}]/gu, '').slice(0, 10) || 'CĐ';
}

/** "12/QĐ-CĐN": the number, the type symbol and the unit's abbreviation. */
export function documentNumberLabel(n: number, kind: DocumentKind, shortName: string): string {
  return `${n}/${DOCUMENT_KIND_SYMBOL[kind]}-${shortName}`;
}

/** A file name: ASCII-folded slug of the title plus the number ("quyet-dinh-cong-nhan-...-12-QD-CDN"). */
export function documentFileBase(title: string, numberLabel: string | null): string {
  const slug = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐÐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const base = slug(foldText(title)).slice(0, 80).replace(/-$/, '');
  return numberLabel ? `${base}-${slug(numberLabel)}` : base;
}

/**
 * The template of each kind. A kind is added by an entry here, its source and facts in libs/core/src/documents/.
 */
export const DOCUMENT_TEMPLATES: { [K in DocumentKind]: (h: LayoutHead, facts: Extract<DocumentFacts, { kind: K }>['facts']) => DocumentLayout } = {
  [DocumentKind.RECOGNITION_DECISION]: recognitionLayout,
  [DocumentKind.ADMISSION_DECISION]: admissionLayout,
  [DocumentKind.PERIOD_REPORT]: periodReportLayout,
  [DocumentKind.PLAN]: planLayout,
  [DocumentKind.REVIEW_CONCLUSION]: reviewConclusionLayout,
};

export function layoutDocument(h: LayoutHead, f: DocumentFacts): DocumentLayout {
  return (DOCUMENT_TEMPLATES[f.kind] as (h: LayoutHead, facts: DocumentFacts['facts']) => DocumentLayout)(h, f.facts);
}

/** The layout as plain text, in reading order: the preview, and what a test compares the PDF's text with. */
export function layoutText(l: DocumentLayout): string {
  const lines = [
    l.parentLine,
    l.issuerName,
    l.numberLine,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    l.placeDateLine,
    '',
    l.title,
    l.summary,
    '',
  ];
  for (const b of l.body) {
    if (b.kind === 'paragraph') lines.push(b.text);
    else lines.push(b.headers.join(' | '), ...b.rows.map((r) => r.join(' | ')));
  }
  lines.push('', 'Nơi nhận:', ...l.recipients.map((r) => `- ${r}`), '', l.authorityLine, ...l.signerTitle, '', l.signerName);
  if (l.annex) lines.push('', l.annex.title, l.annex.subtitle, l.annex.table.headers.join(' | '), ...l.annex.table.rows.map((r) => r.join(' | ')));
  return lines.join('\n');
}
