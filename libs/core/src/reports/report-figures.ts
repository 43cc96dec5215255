import type { Consolidated } from '../statistics-returns/returns-board.service';
import type { ReportMeeting } from './report-meeting-sheet';
import type { ReportBudget } from './report-budget-sheet';
import { IsoDate, Period, PeriodKind } from '@app/domain';
import { ReportStatus } from '../common/statuses';
import { Figures, GrassrootsFigures, OfficerFigures, OverdueCase } from '../figures/figures.service';

/** What a READY report keeps in its `figures` jsonb: everything its files show, so they can be rebuilt from it. */
export interface ReportFigures extends Figures {
  byOfficer: OfficerFigures[];
  byGrassrootsUnion: GrassrootsFigures[];
  /** Open cases past their due day at `asOf`, all stages together. */
  overdueCases: number;
  overdueCaseList: OverdueCase[];
  /** The day the figures describe: the period's last day once it is over, else the day of the build. */
  asOf: IsoDate;
  unitName: string;
  periodLabel: string;
}

/** Everything the workbook and the CSV are made of. */
export interface ReportSnapshot {
  unitName: string;
  period: Period;
  figures: ReportFigures;
  /** The consolidated statistics returns of the latest return period whose reference day is in or before the report's period. */
  returns?: { label: string; referenceDay: IsoDate; consolidated: Consolidated };
  /** The action items of the unit's last review meeting held by the period's end (null: none held; absent: not read). */
  meeting?: ReportMeeting | null;
  /** The subtree's spending (docs/architecture.md#plan-areas-and-budget). */
  budget?: ReportBudget;
}

/** A report row without its files. */
export interface ReportView {
  id: string;
  orgUnitId: string;
  periodKind: PeriodKind;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  version: number;
  status: ReportStatus;
  progress: number;
  error: string | null;
  figures: Omit<ReportFigures, 'overdueCaseList'> | null;
  requestedBy: string | null;
  createdAt: Date;
  builtAt: Date | null;
}

/** The overdue list can be long and only the XLSX shows it: reads leave it out (the count stays). */
export const REPORT_VIEW_COLUMNS = `r.id, r.org_unit_id AS "orgUnitId", r.period_kind AS "periodKind", r.period_start AS "periodStart",
  r.period_end AS "periodEnd", r.version, r.status, r.progress, r.error, r.figures - 'overdueCaseList' AS figures, r.requested_by AS "requestedBy",
  r.created_at AS "createdAt", r.built_at AS "builtAt"`;

export type ReportFileKind = 'xlsx' | 'csv';
