import { RawRow } from '../common/prepared-sql';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IsoDate, Period, PeriodKind, isIsoDate, lastEndedPeriod, periodFrom, periodLabelVi, vnStartOfDay } from '@app/domain';
import { ReadDb } from '@app/persistence';
import { JobName } from '@app/queue';
import { ReportStatus } from '../common/statuses';
import { CalendarService } from '../calendar/calendar.service';
import { FiguresService, ScopeUnit } from '../figures/figures.service';
import { outboxInsertSelect } from '../outbox/outbox.writer';
import { renderSummaryCsv } from './report-csv';
import { ReportFigures, ReportSnapshot } from './report-figures';
import { renderWorkbook } from './report-workbook';
import { ReturnsBoardService } from '../statistics-returns/returns-board.service';
import { latestReturnPeriod } from './report-returns-sheet';
import { ReviewMeetingsService } from '../review-meetings/review-meetings.service';
import { BudgetService } from '../budget/budget.service';

export type ProgressListener = (percent: number) => unknown;

interface ClaimedReport {
  id: string;
  periodKind: PeriodKind;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  unit: ScopeUnit & { name: string };
  /** Who asked for it (null: scheduled): their own recent writes keep the figures on the primary (read-your-writes). */
  requestedBy: string | null;
}

const MAX_ERROR = 2000;

/**
 * Builds report snapshots (the worker's BUILD_REPORT) and creates the scheduled ones. A build is
 * all or nothing: figures, XLSX, CSV and READY are written by one UPDATE, and a READY report is
 * never built again, so a duplicate delivery changes nothing.
 */
@Injectable()
export class ReportBuilderService {
  private readonly logger = new Logger(ReportBuilderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reads: ReadDb,
    private readonly figures: FiguresService,
    private readonly calendar: CalendarService,
    private readonly returns: ReturnsBoardService,
    private readonly budgets: BudgetService,
    /** Absent where a tool builds the service by hand (bench): no meeting sheet then. */
    @Optional() private readonly meetings?: ReviewMeetingsService,
  ) {}

  async build(reportId: string, onProgress: ProgressListener = () => undefined): Promise<{ built: boolean }> {
    const report = await this.claim(reportId);
    if (!report) return { built: false };
    const progress = async (percent: number) => {
      await this.db.query(`UPDATE report SET progress = $2 WHERE id = $1 AND status = '${ReportStatus.RUNNING}'`, [reportId, percent]);
      await onProgress(percent);
    };
    try {
      const snapshot = await this.snapshot(report, progress);
      const builtAt = this.calendar.now();
      const xlsx = await renderWorkbook(snapshot, builtAt);
      await progress(85);
      const csv = renderSummaryCsv(snapshot);
      await progress(90);
      // `status <> READY`: of two deliveries running at once, only the first to finish writes.
      const done = await this.db.query(
        `UPDATE report SET status = '${ReportStatus.READY}', progress = 100, error = NULL, figures = $2, xlsx = $3, csv = $4, built_at = $5
          WHERE id = $1 AND status <> '${ReportStatus.READY}' RETURNING id`,
        [reportId, JSON.stringify(snapshot.figures), xlsx, csv, builtAt],
      );
      if (!rowsOf(done).length) return { built: false };
      await onProgress(100);
      return { built: true };
    } catch (e) {
      const reason = (e instanceof Error ? e.message : String(e)).slice(0, MAX_ERROR) || 'Unknown error';
      await this.db
        .query(`UPDATE report SET status = '${ReportStatus.FAILED}', error = $2 WHERE id = $1 AND status <> '${ReportStatus.READY}'`, [reportId, reason])
        .catch((err: Error) => this.logger.error(`Report ${reportId} not marked FAILED: ${err.message}`));
      this.logger.warn(`Report ${reportId} failed (attempt will be retried): ${reason}`);
      throw e;
    }
  }

  /** Marks the report RUNNING (a retry too), unless it is READY already or gone. */
  private async claim(reportId: string): Promise<ClaimedReport | null> {
    const result = await this.db.query(
      `UPDATE report r SET status = '${ReportStatus.RUNNING}', progress = 0, error = NULL, attempts = r.attempts + 1
         FROM org_unit o
        WHERE r.id = $1 AND o.id = r.org_unit_id AND r.status <> '${ReportStatus.READY}'
        RETURNING r.id, r.period_kind, r.period_start, r.period_end, r.requested_by, o.id AS unit_id, o.name AS unit_name, o.path AS unit_path`,
      [reportId],
    );
    const [row] = rowsOf(result);
    if (!row) {
      const [existing] = await this.db.query(`SELECT status FROM report WHERE id = $1`, [reportId]);
      if (!existing) this.logger.warn(`Report ${reportId} does not exist; nothing to build`);
      return null;
    }
    return {
      id: row.id,
      periodKind: row.period_kind,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      unit: { id: row.unit_id, name: row.unit_name, path: row.unit_path },
      requestedBy: row.requested_by ?? null,
    };
  }

  /** Every figure of the report, read in one snapshot (FiguresService.reportFigures) so that the sheets agree with each other. */
  private async snapshot(r: ClaimedReport, progress: (percent: number) => Promise<void>): Promise<ReportSnapshot> {
    const period = checkedPeriod(r);
    const today = this.calendar.today();
    await progress(5);
    // The figures may lag a few seconds: on the read replica when there is one (docs/architecture.md#read-replica).
    const all = await this.reads.read(r.requestedBy, (db) =>
      this.figures.reportFigures(r.unit, period, today, (done, of) => progress(5 + Math.floor((70 * done) / of)), 3, db),
    );
    const figures: ReportFigures = {
      ...all.summary,
      byOfficer: all.byOfficer,
      byGrassrootsUnion: all.byGrassroots,
      overdueCases: all.summary.stages.reduce((n, s) => n + s.overdue, 0),
      overdueCaseList: all.overdueCaseList,
      asOf: period.end < today ? period.end : today,
      unitName: r.unit.name,
      periodLabel: periodLabelVi(period),
    };
    const rp = latestReturnPeriod(period.end);
    const consolidated = await this.db.transaction('REPEATABLE READ', (m) =>
      this.returns.consolidate(m, { ...r.unit, kind: 'UPPER_LEVEL' }, rp.kind, rp.year, today),
    );
    const budget = await this.db.transaction('REPEATABLE READ', async (m) => ({
      period: await this.budgets.totalsUpTo(r.unit, period.end, period.start, m),
      yearToDate: await this.budgets.totalsUpTo(r.unit, period.end, undefined, m),
      entries: await this.budgets.entriesOf(r.unit, period.start, period.end, m),
    }));
    const held = this.meetings ? await this.meetings.lastHeldActionItems(this.db.manager, r.unit.id, period.end) : undefined;
    const meeting = held === undefined ? undefined : held && { ...held.meeting, items: held.items };
    return { unitName: r.unit.name, period, figures, returns: { label: rp.label, referenceDay: rp.end, consolidated }, budget, meeting };
  }

  /**
   * Creates, for every upper-level union and every period kind, the report of the last ended period
   * as version 1, with its build job. The unique key makes a re-run (or a second worker) add nothing.
   */
  async schedulePeriodReports(today: IsoDate = this.calendar.today()): Promise<{ created: number }> {
    if (!isIsoDate(today)) throw new RangeError(`Not a YYYY-MM-DD date: ${today}`);
    return this.db.transaction(async (m) => {
      let created = 0;
      for (const kind of Object.values(PeriodKind)) {
        const p = lastEndedPeriod(kind, today);
        const params: unknown[] = [p.kind, p.start, p.end, vnStartOfDay(p.start)];
        const builds = outboxInsertSelect(JobName.BUILD_REPORT, { perRow: { reportId: 'ins.id' }, from: 'ins' }, params);
        const rows = await m.query(
          `WITH ins AS (
             INSERT INTO report (org_unit_id, period_kind, period_start, period_end, version, status)
             SELECT o.id, $1::varchar, $2::date, $3::date, 1, '${ReportStatus.QUEUED}' FROM org_unit o
              WHERE o.kind = 'UPPER_LEVEL' AND (o.dissolved_at IS NULL OR o.dissolved_at >= $4)
             ON CONFLICT (org_unit_id, period_kind, period_start, version) DO NOTHING
             RETURNING id)
           ${builds} RETURNING id`,
          params,
        );
        created += rows.length;
      }
      if (created) this.logger.log(`Scheduled ${created} period reports for ${today}`);
      return { created };
    });
  }
}

/** The stored period must be a whole period of its kind; a row edited out of shape fails instead of reporting wrong days. */
function checkedPeriod(r: ClaimedReport): Period {
  let period: Period;
  try {
    period = periodFrom(r.periodKind, r.periodStart);
  } catch {
    throw new Error(`Inconsistent report period: ${r.periodStart} does not start a ${r.periodKind} period`);
  }
  if (period.end !== r.periodEnd) {
    throw new Error(`Inconsistent report period: a ${r.periodKind} starting ${r.periodStart} ends ${period.end}, not ${r.periodEnd}`);
  }
  return period;
}

/** TypeORM answers an UPDATE … RETURNING on Postgres with [rows, count]. */
function rowsOf(result: unknown): RawRow[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0];
  return result as RawRow[];
}
