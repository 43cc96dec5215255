import { asciiFilename, safeFilename } from '../common/file-names';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IsoDate, PeriodKind, isIsoDate, isPeriodStart, periodFrom, periodLabelVi } from '@app/domain';
import { JobName } from '@app/queue';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { AppError, ErrorCode, badInput, forbidden, notFound } from '../common/app-error';
import { EARLIEST_DAY, RULE, fieldLabel } from '../common/messages-vi';
import { isUniqueViolation } from '../common/pg-errors';
import { REPORT_STATUS_VI, ReportStatus, statusVi } from '../common/statuses';

const PERIOD_KIND_VI: Record<string, string> = { MONTH: 'một tháng', QUARTER: 'một quý', HALF_YEAR: 'một nửa năm', YEAR: 'một năm' };
import { CalendarService } from '../calendar/calendar.service';
import { OrgUnitsService } from '../identity/org-units.service';
import { writeOutbox } from '../outbox/outbox.writer';
import { CSV_DECIMALS, renderSummaryCsv } from './report-csv';
import { REPORT_VIEW_COLUMNS, ReportFigures, ReportFileKind, ReportView } from './report-figures';

export interface RequestReport {
  orgUnitId: string;
  periodKind: PeriodKind;
  periodStart: IsoDate;
}

export interface ReportFile {
  body: Buffer;
  contentType: string;
  /** UTF-8 name with the unit and the period, and an ASCII fallback for old clients. */
  filename: string;
  asciiFilename: string;
}

const CONTENT_TYPE: Record<ReportFileKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST_LIMIT = 500;
const VERSION_RETRIES = 5;

/** Requests, lists and downloads of report snapshots; the worker's ReportBuilderService builds them. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orgUnits: OrgUnitsService,
    private readonly calendar: CalendarService,
  ) {}

  /** Officers read the reports of their own unit; supervisors their subtree; admins everything. */
  static canRead(actor: Actor, unit: { id: string; path: string }): boolean {
    if (actor.role === Role.OFFICER) return unit.id === actor.orgUnitId;
    return canSeeUnit(actor, unit.path);
  }

  /** A new version of the unit's report for the period, QUEUED, and its build job, in one transaction. */
  async request(actor: Actor, input: RequestReport): Promise<ReportView> {
    if (actor.role === Role.OFFICER) throw forbidden('Cán bộ chỉ xem báo cáo; giám sát viên mới yêu cầu lập báo cáo');
    const problems: Record<string, string> = {};
    const kinds = Object.values(PeriodKind) as string[];
    if (!kinds.includes(input.periodKind)) problems.periodKind = RULE.oneOf('periodKind', kinds);
    else if (!isIsoDate(input.periodStart)) problems.periodStart = RULE.realDay('periodStart');
    else if (!isPeriodStart(input.periodKind, input.periodStart))
      problems.periodStart = `${fieldLabel('periodStart')} phải là ngày đầu tiên của ${PERIOD_KIND_VI[input.periodKind]}`;
    else if (input.periodStart > this.calendar.today()) problems.periodStart = 'Kỳ báo cáo chưa bắt đầu';
    else if (input.periodStart < '2000-01-01') problems.periodStart = RULE.notBefore('periodStart', EARLIEST_DAY);
    if (Object.keys(problems).length) throw badInput(problems);
    const unit = await this.orgUnits.getVisible(actor, input.orgUnitId);
    const period = periodFrom(input.periodKind, input.periodStart);
    // Versions are max + 1; a concurrent request (or the scheduler) taking the same number makes this one retry.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (m) => {
          const [row] = await m.query(
            `INSERT INTO report (org_unit_id, period_kind, period_start, period_end, version, status, requested_by)
             SELECT $1::uuid, $2::varchar, $3::date, $4::date, coalesce(max(version), 0) + 1, '${ReportStatus.QUEUED}', $5::uuid
               FROM report WHERE org_unit_id = $1 AND period_kind = $2 AND period_start = $3
             RETURNING id`,
            [unit.id, period.kind, period.start, period.end, actor.userId],
          );
          await writeOutbox(m, JobName.BUILD_REPORT, { reportId: row.id });
          const [view] = await m.query(`SELECT ${REPORT_VIEW_COLUMNS} FROM report r WHERE r.id = $1`, [row.id]);
          return view as ReportView;
        });
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= VERSION_RETRIES) throw e;
      }
    }
  }

  /** A report the caller may read, or null (an id outside the scope is not revealed). */
  async get(actor: Actor, id: string): Promise<ReportView | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.db.query(
      `SELECT ${REPORT_VIEW_COLUMNS}, o.path AS "unitPath" FROM report r JOIN org_unit o ON o.id = r.org_unit_id WHERE r.id = $1`,
      [id],
    );
    if (!row || !ReportsService.canRead(actor, { id: row.orgUnitId, path: row.unitPath })) return null;
    delete row.unitPath;
    return row as ReportView;
  }

  /** The reports of a unit (newest first), or without a unit those of everything the caller may read. */
  async list(actor: Actor, orgUnitId?: string | null): Promise<ReportView[]> {
    const order = `ORDER BY r.created_at DESC, r.id LIMIT ${LIST_LIMIT}`;
    if (orgUnitId) {
      const unit = await this.orgUnits.getVisible(actor, orgUnitId);
      if (!ReportsService.canRead(actor, unit)) return [];
      return this.db.query(`SELECT ${REPORT_VIEW_COLUMNS} FROM report r WHERE r.org_unit_id = $1 ${order}`, [unit.id]);
    }
    if (actor.role === Role.OFFICER) {
      return this.db.query(`SELECT ${REPORT_VIEW_COLUMNS} FROM report r WHERE r.org_unit_id = $1 ${order}`, [actor.orgUnitId]);
    }
    if (actor.role === Role.ADMIN) return this.db.query(`SELECT ${REPORT_VIEW_COLUMNS} FROM report r ${order}`);
    return this.db.query(`SELECT ${REPORT_VIEW_COLUMNS} FROM report r JOIN org_unit o ON o.id = r.org_unit_id WHERE o.path = $1 OR o.path LIKE $2 ${order}`, [
      actor.orgPath,
      subtreeLike(actor.orgPath),
    ]);
  }

  /**
   * A READY report's file; NOT_FOUND outside the scope, CONFLICT while it is not built. The stored CSV has
   * decimal commas; `decimal: 'dot'` writes it again from the stored figures with decimal points.
   */
  async file(actor: Actor, id: string, kind: ReportFileKind, decimal: string = 'comma'): Promise<ReportFile> {
    if (kind === 'csv' && !(CSV_DECIMALS as readonly string[]).includes(decimal)) {
      throw badInput({ decimal: 'Dấu thập phân phải là "comma" (dấu phẩy) hoặc "dot" (dấu chấm)' });
    }
    if (!UUID.test(id)) throw notFound('report');
    const rewrite = kind === 'csv' && decimal === 'dot';
    const stored = kind === 'xlsx' ? 'r.xlsx' : rewrite ? 'NULL::bytea' : 'r.csv';
    const [row] = await this.db.query(
      `SELECT r.status, r.period_kind, r.period_start, r.version, r.org_unit_id, o.path, o.name,
              CASE WHEN r.status = '${ReportStatus.READY}' THEN ${stored} END AS body,
              CASE WHEN r.status = '${ReportStatus.READY}' AND $2 THEN r.figures END AS figures
         FROM report r JOIN org_unit o ON o.id = r.org_unit_id WHERE r.id = $1`,
      [id, rewrite],
    );
    if (!row || !ReportsService.canRead(actor, { id: row.org_unit_id, path: row.path })) throw notFound('report');
    const period = periodFrom(row.period_kind, row.period_start);
    const body: Buffer | null = row.figures
      ? renderSummaryCsv({ unitName: row.figures.unitName ?? row.name, period, figures: row.figures as ReportFigures }, 'dot')
      : row.body;
    if (row.status !== ReportStatus.READY || !body) {
      throw new AppError(ErrorCode.CONFLICT, `Báo cáo ${statusVi(REPORT_STATUS_VI, row.status)}; chỉ tải được tệp khi báo cáo đã lập xong`, {
        status: row.status,
      });
    }
    const label = periodLabelVi(period);
    const base = `Báo cáo ${row.name} ${label}${row.version > 1 ? ` (lần ${row.version})` : ''}`;
    return {
      body,
      contentType: CONTENT_TYPE[kind],
      filename: `${safeFilename(base)}.${kind}`,
      asciiFilename: `${asciiFilename(base)}.${kind}`,
    };
  }
}
