// The shapes of an official document (docs/architecture.md#official-documents): the kinds, a unit's texts, the
// layout every template returns and the facts each kind is made of. Pure data, no rendering.
import { IsoDate } from './calendar-days';

/** The documents the product issues. */
export enum DocumentKind {
  RECOGNITION_DECISION = 'RECOGNITION_DECISION',
  ADMISSION_DECISION = 'ADMISSION_DECISION',
  PERIOD_REPORT = 'PERIOD_REPORT',
  /** The year's plan, from a plan version. */
  PLAN = 'PLAN',
  /** The notice of a held review meeting's conclusions (thông báo kết luận giao ban). */
  REVIEW_CONCLUSION = 'REVIEW_CONCLUSION',
}

/** The type symbol of each kind (Decree 30, appendix III): "QĐ" decision, "BC" report. */
export const DOCUMENT_KIND_SYMBOL: Record<DocumentKind, string> = {
  [DocumentKind.RECOGNITION_DECISION]: 'QĐ',
  [DocumentKind.ADMISSION_DECISION]: 'QĐ',
  [DocumentKind.PERIOD_REPORT]: 'BC',
  [DocumentKind.PLAN]: 'KH',
  [DocumentKind.REVIEW_CONCLUSION]: 'TB',
};

export const DOCUMENT_KIND_VI: Record<DocumentKind, string> = {
  [DocumentKind.RECOGNITION_DECISION]: 'Quyết định công nhận CĐCS và Ban Chấp hành lâm thời',
  [DocumentKind.ADMISSION_DECISION]: 'Quyết định kết nạp đoàn viên',
  [DocumentKind.PERIOD_REPORT]: 'Báo cáo phát triển đoàn viên, thành lập CĐCS',
  [DocumentKind.PLAN]: 'Kế hoạch năm',
  [DocumentKind.REVIEW_CONCLUSION]: 'Thông báo kết luận giao ban',
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

export interface PlanAssignmentFacts {
  officerName: string;
  duty: string;
  newMembers: number | null;
  newGrassrootsUnions: number | null;
}

export interface PlanFacts {
  unitName: string;
  year: number;
  title: string;
  newMembers: number | null;
  newGrassrootsUnions: number | null;
  coveragePercent: number | null;
  assignments: PlanAssignmentFacts[];
}

/** A held review meeting's frozen figures (its snapshot), minutes and action items. */
export interface ReviewConclusionFacts {
  unitName: string;
  day: IsoDate;
  meetingTitle: string | null;
  chairName: string;
  asOf: IsoDate;
  newMembers: { yearToDate: number; target: number | null; percentOfYearTarget: number | null };
  newGrassrootsUnions: { yearToDate: number; target: number | null; percentOfYearTarget: number | null };
  coverage: { enterprises25Plus: number; withUnion: number; percent: number | null; targetPercent: number | null };
  openCases: number;
  overdueCases: number;
  /** Whole đồng as decimal text, null without a budget. */
  budgetSpent: string | null;
  officers: { fullName: string; openCases: number; overdueCases: number; recognitions: number; membersAdmitted: number; targetMembers: number | null }[];
  minutes: string;
  actionItems: { what: string; assigneeName: string; dueOn: IsoDate }[];
}

export type DocumentFacts =
  | { kind: DocumentKind.RECOGNITION_DECISION; facts: RecognitionFacts }
  | { kind: DocumentKind.ADMISSION_DECISION; facts: AdmissionFacts }
  | { kind: DocumentKind.PERIOD_REPORT; facts: PeriodReportFacts }
  | { kind: DocumentKind.PLAN; facts: PlanFacts }
  | { kind: DocumentKind.REVIEW_CONCLUSION; facts: ReviewConclusionFacts };
