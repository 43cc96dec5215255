import { IsoDate } from '@app/domain';

/** Amounts are whole đồng as decimal strings (bigint in SQL): safe in JSON and jsonb snapshots. */
export type MoneyText = string;

export interface BudgetHeadingView {
  id: string;
  orgUnitId: string;
  name: string;
  position: number;
  active: boolean;
}
export interface BudgetHeadingTotals extends BudgetHeadingView {
  planned: MoneyText | null;
  spent: MoneyText;
  /** spent / planned in percent ("37.50"); null without a plan line. */
  spentPercent: string | null;
  overPlan: boolean;
}
export interface BudgetEntryView {
  id: string;
  orgUnitId: string;
  headingId: string;
  headingName: string;
  spentOn: IsoDate;
  amount: MoneyText;
  voucherNumber: string;
  note: string | null;
  caseId: string | null;
  grassrootsUnionId: string | null;
  reversesId: string | null;
  reversedById: string | null;
  recordedById: string;
  recordedAt: Date;
}
export interface BudgetView {
  orgUnitId: string;
  year: number;
  headings: BudgetHeadingTotals[];
  planned: MoneyText;
  spent: MoneyText;
  spentPercent: string | null;
  /** The share of the year gone by (today, or the whole year once over), to read spentPercent against. */
  yearElapsedPercent: string;
  newMembers: number;
  newGrassrootsUnions: number;
  costPerNewMember: MoneyText | null;
  costPerNewGrassrootsUnion: MoneyText | null;
  entries: BudgetEntryView[];
}
export interface BudgetEntryResult {
  entry: BudgetEntryView;
  heading: BudgetHeadingTotals;
  /** Vietnamese, when the entry leaves its heading over the year's plan (a warning, the entry is recorded). */
  warning: string | null;
}

/** A subtree's spending up to a day (BudgetService.totalsUpTo), headings of the subtree's units merged by name. */
export interface BudgetTotals {
  orgUnitId: string;
  from: IsoDate;
  to: IsoDate;
  planned: MoneyText;
  spent: MoneyText;
  byHeading: { name: string; planned: MoneyText; spent: MoneyText }[];
}
