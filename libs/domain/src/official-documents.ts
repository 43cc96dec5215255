// Official documents in the layout of Decree 30/2020/NĐ-CP as the union applies it (QĐ 933/QĐ-TLĐ, forms 1.3/1.4):
// the layout as data, built from a unit's settings and a source's facts. Rendering (DOCX, PDF) is not here.
// See docs/architecture.md#official-documents.
import { IsoDate, isIsoDate } from './calendar-days';
import { foldText } from './text-fold';

/** The documents the product issues. The plan and the review minutes are added here when their records exist. */
export enum DocumentKind {
  RECOGNITION_DECISION = 'RECOGNITION_DECISION',
  ADMISSION_DECISION = 'ADMISSION_DECISION',
  PERIOD_REPORT = 'PERIOD_REPORT',
}

/** The type symbol of each kind (Decree 30, appendix III): "QĐ" decision, "BC" report. */
export const DOCUMENT_KIND_SYMBOL: Record<DocumentKind, string> = {
  [DocumentKind.RECOGNITION_DECISION]: 'QĐ',
  [DocumentKind.ADMISSION_DECISION]: 'QĐ',
  [DocumentKind.PERIOD_REPORT]: 'BC',
};

export const DOCUMENT_KIND_VI: Record<DocumentKind, string> = {
  [DocumentKind.RECOGNITION_DECISION]: 'Quyết định công nhận CĐCS và Ban Chấp hành lâm thời',
  [DocumentKind.ADMISSION_DECISION]: 'Quyết định kết nạp đoàn viên',
  [DocumentKind.PERIOD_REPORT]: 'Báo cáo phát triển đoàn viên, thành lập CĐCS',
};

/**
 * The texts a unit keeps for its documents, as data an ADMIN edits (the 2025 changes may alter the parent line,
 * the 2026 Charter may rename bodies). `signerTitle` may hold two lines ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH").
 */
export interface DocumentSettings {
  parentLine: string;
  issuerName: string;
  /** Abbreviation after the type symbol: "CĐN" gives "12/QĐ-CĐN". */
  shortName: string;
  placeName: string;
  /** "TM. BAN THƯỜNG VỤ" or "TM. BAN CHẤP HÀNH". */
  authorityLine: string;
  signerTitle: string;
  signerName: string;
  recipients: string[];
}

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

/** Whole numbers with Vietnamese thousands dots; percents with a decimal comma. */
export function formatCountVi(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

// ------------------------------------------------------------------------------------------------
// The layout

export type DocumentBlock =
  | { kind: 'paragraph'; text: string; bold?: boolean; italic?: boolean; center?: boolean; label?: string }
  | { kind: 'table'; headers: string[]; widths: number[]; rows: string[][] };

export interface DocumentLayout {
  kind: DocumentKind;
  parentLine: string;
  issuerName: string;
  /** "Số: 12/QĐ-CĐN", or with dots for a preview that takes no number. */
  numberLine: string;
  placeDateLine: string;
  title: string;
  summary: string;
  /** The body: the authority that decides, the legal bases (italic), the articles or sections. */
  body: DocumentBlock[];
  recipients: string[];
  authorityLine: string;
  signerTitle: string[];
  signerName: string;
  /** A list on its own page (founding members, admitted members). */
  annex: { title: string; subtitle: string; table: Extract<DocumentBlock, { kind: 'table' }> } | null;
}

export interface LayoutHead {
  settings: DocumentSettings;
  /** Null for a preview: "Số:      /QĐ-CĐN". */
  numberLabel: string | null;
  issuedOn: IsoDate;
}

export interface PersonRow {
  fullName: string;
  birthYear: number | null;
  gender: string | null;
  note?: string | null;
}

export interface RecognitionFacts {
  grassrootsUnionName: string;
  enterpriseName: string;
  enterpriseAddress: string | null;
  congressHeldOn: IsoDate | null;
  congressAttendees: number | null;
  committee: string[];
  chairName: string | null;
  members: PersonRow[];
}

export interface AdmissionFacts {
  grassrootsUnionName: string;
  members: PersonRow[];
}

export interface ReportFigureRow {
  label: string;
  period: number | null;
  yearToDate: number | null;
  yearTarget: number | null;
  percentOfYearTarget: number | null;
}

export interface PeriodReportFacts {
  unitName: string;
  periodLabel: string;
  asOf: IsoDate;
  figures: ReportFigureRow[];
  difficulties: string;
  proposals: string;
}

export type DocumentFacts =
  | { kind: DocumentKind.RECOGNITION_DECISION; facts: RecognitionFacts }
  | { kind: DocumentKind.ADMISSION_DECISION; facts: AdmissionFacts }
  | { kind: DocumentKind.PERIOD_REPORT; facts: PeriodReportFacts };

const dmy = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const para = (text: string, o: Omit<Extract<DocumentBlock, { kind: 'paragraph' }>, 'kind' | 'text'> = {}): DocumentBlock => ({ kind: 'paragraph', text, ...o });
const bodyOf = (settings: DocumentSettings) => settings.authorityLine.replace(/^(TM\.|KT\.|Q\.|TL\.)\s*/i, '').trim();

function headOf(kind: DocumentKind, h: LayoutHead) {
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

function peopleTable(rows: PersonRow[]): Extract<DocumentBlock, { kind: 'table' }> {
  return {
    kind: 'table',
    headers: ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Ghi chú'],
    widths: [8, 44, 14, 14, 20],
    rows: rows.map((p, i) => [String(i + 1), p.fullName, p.birthYear ? String(p.birthYear) : '', p.gender ?? '', p.note ?? '']),
  };
}

/** Form 1.3: the decision recognising a CĐCS and its provisional executive committee. */
function recognitionLayout(h: LayoutHead, f: RecognitionFacts): DocumentLayout {
  const number = h.numberLabel ?? '…';
  const committee = f.committee.map((name, i) =>
    para(`${i + 1}. Đồng chí ${name}${name === f.chairName ? ' - Chủ tịch' : ' - Ủy viên'};`, { label: 'committee' }),
  );
  const congress = f.congressHeldOn
    ? `Căn cứ Biên bản Đại hội thành lập Công đoàn cơ sở ngày ${dmy(f.congressHeldOn)}${f.congressAttendees ? ` (${formatCountVi(f.congressAttendees)} người tham dự)` : ''};`
    : 'Căn cứ Biên bản Đại hội thành lập Công đoàn cơ sở;';
  return {
    ...headOf(DocumentKind.RECOGNITION_DECISION, h),
    title: 'QUYẾT ĐỊNH',
    summary: `Về việc công nhận ${f.grassrootsUnionName} và Ban Chấp hành lâm thời`,
    body: [
      para(`${bodyOf(h.settings)} ${h.settings.issuerName}`.toUpperCase(), { bold: true, center: true }),
      para('Căn cứ Điều lệ Công đoàn Việt Nam;', { italic: true }),
      para('Căn cứ Hướng dẫn thi hành Điều lệ Công đoàn Việt Nam;', { italic: true }),
      para(congress, { italic: true }),
      para(`Xét hồ sơ đề nghị công nhận công đoàn cơ sở tại ${f.enterpriseName},`, { italic: true }),
      para('QUYẾT ĐỊNH:', { bold: true, center: true }),
      para(
        `Điều 1. Công nhận ${f.grassrootsUnionName} tại ${f.enterpriseName}${f.enterpriseAddress ? ` (địa chỉ: ${f.enterpriseAddress})` : ''} gồm ${formatCountVi(f.members.length)} đoàn viên (có danh sách kèm theo).`,
      ),
      para(`Điều 2. Công nhận Ban Chấp hành lâm thời ${f.grassrootsUnionName} gồm ${f.committee.length} đồng chí:`),
      ...committee,
      para('Ban Chấp hành lâm thời hoạt động cho đến khi Đại hội công đoàn cơ sở bầu ra Ban Chấp hành chính thức.'),
      para(
        `Điều 3. Quyết định có hiệu lực kể từ ngày ký. ${f.grassrootsUnionName}, các đồng chí có tên tại Điều 2 và các bộ phận liên quan căn cứ Quyết định thi hành./.`,
      ),
    ],
    annex: {
      title: `DANH SÁCH ĐOÀN VIÊN ${f.grassrootsUnionName.toUpperCase()}`,
      subtitle: `(Kèm theo Quyết định số ${number} ${placeDateVi('', h.issuedOn)})`,
      table: peopleTable(f.members),
    },
  };
}

/** Form 1.4: the admission decision of a CĐCS, its members listed in order. */
function admissionLayout(h: LayoutHead, f: AdmissionFacts): DocumentLayout {
  const number = h.numberLabel ?? '…';
  return {
    ...headOf(DocumentKind.ADMISSION_DECISION, h),
    title: 'QUYẾT ĐỊNH',
    summary: 'Về việc kết nạp đoàn viên công đoàn',
    body: [
      para(`${bodyOf(h.settings)} ${h.settings.issuerName}`.toUpperCase(), { bold: true, center: true }),
      para('Căn cứ Điều lệ Công đoàn Việt Nam;', { italic: true }),
      para('Căn cứ Hướng dẫn thi hành Điều lệ Công đoàn Việt Nam;', { italic: true }),
      para('Xét đơn tự nguyện gia nhập Công đoàn Việt Nam của người lao động,', { italic: true }),
      para('QUYẾT ĐỊNH:', { bold: true, center: true }),
      para(
        `Điều 1. Kết nạp ${formatCountVi(f.members.length)} người lao động có tên trong danh sách kèm theo vào Công đoàn Việt Nam, sinh hoạt tại ${f.grassrootsUnionName}.`,
      ),
      para('Điều 2. Quyết định có hiệu lực kể từ ngày ký. Các đoàn viên có tên tại Điều 1 có quyền và nghĩa vụ theo Điều lệ Công đoàn Việt Nam./.'),
    ],
    annex: {
      title: 'DANH SÁCH ĐOÀN VIÊN ĐƯỢC KẾT NẠP',
      subtitle: `(Kèm theo Quyết định số ${number} ${placeDateVi('', h.issuedOn)})`,
      table: peopleTable(f.members),
    },
  };
}

/** The period report on member development and CĐCS founding, its figures those of the built report. */
function periodReportLayout(h: LayoutHead, f: PeriodReportFacts): DocumentLayout {
  return {
    ...headOf(DocumentKind.PERIOD_REPORT, h),
    title: 'BÁO CÁO',
    summary: `Kết quả phát triển đoàn viên, thành lập công đoàn cơ sở ${f.periodLabel}`,
    body: [
      para(
        `Thực hiện chương trình phát triển đoàn viên, thành lập công đoàn cơ sở, ${f.unitName} báo cáo kết quả ${f.periodLabel} (số liệu tính đến ngày ${dmy(f.asOf)}) như sau:`,
      ),
      para('I. KẾT QUẢ THỰC HIỆN', { bold: true }),
      {
        kind: 'table',
        headers: ['Chỉ tiêu', 'Trong kỳ', 'Lũy kế năm', 'Kế hoạch năm', 'Tỷ lệ (%)'],
        widths: [40, 15, 15, 15, 15],
        rows: f.figures.map((r) => [
          r.label,
          formatCountVi(r.period),
          formatCountVi(r.yearToDate),
          formatCountVi(r.yearTarget),
          formatCountVi(r.percentOfYearTarget),
        ]),
      },
      para('II. KHÓ KHĂN, VƯỚNG MẮC', { bold: true }),
      ...(f.difficulties.trim() ? f.difficulties.trim().split(/\n+/) : ['Không có.']).map((t) => para(t, { label: 'difficulties' })),
      para('III. ĐỀ XUẤT, KIẾN NGHỊ', { bold: true }),
      ...(f.proposals.trim() ? f.proposals.trim().split(/\n+/) : ['Không có.']).map((t) => para(t)),
      para(`Trên đây là báo cáo kết quả ${f.periodLabel} của ${f.unitName}./.`),
    ],
    annex: null,
  };
}

/**
 * The template of each kind. A kind is added by an entry here (and its facts' loader in the service):
 * the extension point for the year's plan and the review minutes.
 */
export const DOCUMENT_TEMPLATES: { [K in DocumentKind]: (h: LayoutHead, facts: Extract<DocumentFacts, { kind: K }>['facts']) => DocumentLayout } = {
  [DocumentKind.RECOGNITION_DECISION]: recognitionLayout,
  [DocumentKind.ADMISSION_DECISION]: admissionLayout,
  [DocumentKind.PERIOD_REPORT]: periodReportLayout,
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
