import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEFAULT_RETURN_SETTINGS, IsoDate, ReturnPeriod, ReturnPeriodKind, ReturnSettings, WorkingCalendar, returnPeriod } from '@app/domain';
import { CalendarService } from '../calendar/calendar.service';

/** A period with its days for one setting: the due day and the reminder day, counted in working days. */
export interface DatedPeriod extends ReturnPeriod {
  dueOn: IsoDate;
  remindOn: IsoDate;
  /** The unit whose settings these are, and its path; null: the defaults. */
  settingUnitId: string | null;
  settingPath?: string | null;
}

/**
 * SQL: the unit whose settings apply to the unit aliased `g`, among the periods of parameter `param` (asJson): the nearest
 * ancestor-or-self with settings, else null. A few settings at most: read from the parameter, not joined per unit.
 */
export const SETTING_OF_SQL = (g: string, param: string) => `(SELECT s.setting FROM jsonb_to_recordset(${param}::jsonb) AS s(setting uuid, path text)
   WHERE s.setting IS NOT NULL AND (${g}.path = s.path OR ${g}.path LIKE s.path || '.%') ORDER BY length(s.path) DESC LIMIT 1)`;

/**
 * SQL: whether the CĐCS aliased `g` owes its return of a period whose reference day is `ref`: it existed on that day (its
 * founding day, `established_on`, not the day its row was entered). CĐCS founded after a period's reference day owe nothing
 * for it. The one rule of the board, the consolidation, the members from returns and the escalations
 * (docs/architecture.md#statistics-returns).
 */
export const OWES_RETURN_SQL = (g: string, ref: string) => `(${g}.established_on <= ${ref})`;

/**
 * SQL: whether the CĐCS aliased `g` is listed for the period (`kind`, `year`, reference day `ref`): it owes the return, or
 * sent one in anyway (then shown with its return's state, so that an accepted one is still summed).
 */
export const ON_RETURN_LIST_SQL = (g: string, ref: string, kind: string, year: string) =>
  `(${OWES_RETURN_SQL(g, ref)} OR EXISTS (SELECT 1 FROM statistics_return x
     WHERE x.grassroots_union_id = ${g}.id AND x.period_kind = ${kind} AND x.year = ${year} AND x.first_submitted_at IS NOT NULL))`;

/**
 * SQL: whether the CĐCS aliased `g` is listed for the period when the reference day depends on its settings: founded by the
 * earliest reference day of the settings in force (`minRef`), as nearly all are, or among `young` (a uuid[] parameter:
 * ReturnPeriodsService.youngListed). Two cheap terms rather than a per-row settings lookup: the planner prices every
 * branch of a per-row subquery, and that price alone crossed the JIT threshold, which cost more than the query
 * (bench/NOTES.md, "The consolidated return and JIT").
 */
export const ON_RETURN_LIST_BY_SETTING_SQL = (g: string, minRef: string, young: string) =>
  `(${OWES_RETURN_SQL(g, minRef)} OR ${g}.id = ANY (${young}::uuid[]))`;

/** SQL: the unit whose settings apply to the unit aliased `g` (the nearest ancestor-or-self with a row), else null. */
export const SETTING_UNIT_SQL = (g: string) => `(SELECT s.org_unit_id FROM statistics_return_setting s JOIN org_unit a ON a.id = s.org_unit_id
   WHERE ${g}.path = a.path OR ${g}.path LIKE a.path || '.%' ORDER BY length(a.path) DESC LIMIT 1)`;

/** Periods and due days of statistics returns (docs/architecture.md#statistics-returns). */
@Injectable()
export class ReturnPeriodsService {
  constructor(private readonly calendar: CalendarService) {}

  dated(cal: WorkingCalendar, kind: ReturnPeriodKind, year: number, s: ReturnSettings, settingUnitId: string | null): DatedPeriod {
    const p = returnPeriod(kind, year, s);
    const dueOn = cal.addWorkingDays(p.end, s.dueWorkingDays);
    return { ...p, dueOn, remindOn: cal.addWorkingDays(dueOn, -s.reminderWorkingDays), settingUnitId };
  }

  /** Every setting in force (the defaults and each unit's row), each with its period of `kind` in `year`. */
  async allDated(m: EntityManager, kind: ReturnPeriodKind, year: number): Promise<DatedPeriod[]> {
    const cal = await this.calendar.calendarIn(m);
    const rows = await m.query(
      `SELECT s.org_unit_id AS "unitId", o.path, s.half_year_day AS "halfYearDay", s.year_day AS "yearDay", s.due_working_days AS "dueWorkingDays",
              s.reminder_working_days AS "reminderWorkingDays" FROM statistics_return_setting s JOIN org_unit o ON o.id = s.org_unit_id`,
    );
    return [
      this.dated(cal, kind, year, DEFAULT_RETURN_SETTINGS, null),
      ...rows.map((r: ReturnSettings & { unitId: string; path: string }) => ({ ...this.dated(cal, kind, year, r, r.unitId), settingPath: r.path })),
    ];
  }

  /** The period of `kind` in `year` for the unit `unitId` (its nearest ancestor's settings, else the defaults). */
  async forUnit(m: EntityManager, unitId: string, kind: ReturnPeriodKind, year: number): Promise<DatedPeriod> {
    const [row] = await m.query(
      `SELECT s.org_unit_id AS "unitId", s.half_year_day AS "halfYearDay", s.year_day AS "yearDay", s.due_working_days AS "dueWorkingDays",
              s.reminder_working_days AS "reminderWorkingDays"
         FROM org_unit g JOIN statistics_return_setting s ON s.org_unit_id = ${SETTING_UNIT_SQL('g')} WHERE g.id = $1`,
      [unitId],
    );
    const cal = await this.calendar.calendarIn(m);
    return this.dated(cal, kind, year, row ?? DEFAULT_RETURN_SETTINGS, row?.unitId ?? null);
  }

  /**
   * Of `periods` (allDated), the one whose settings apply to the unit at `path`: its nearest ancestor-or-self with settings,
   * else the defaults; what forUnit reads, without a statement when the periods are already read.
   */
  static forPath(periods: DatedPeriod[], path: string): DatedPeriod {
    const applies = (p: DatedPeriod) => p.settingPath != null && (path === p.settingPath || path.startsWith(`${p.settingPath}.`));
    const own = periods.filter(applies).sort((a, b) => b.settingPath!.length - a.settingPath!.length)[0];
    return own ?? periods.find((p) => p.settingUnitId === null)!;
  }

  /** The earliest reference day of the periods (for ON_RETURN_LIST_BY_SETTING_SQL). */
  static earliestRef(periods: DatedPeriod[]): IsoDate {
    return periods.map((p) => p.end).reduce((a, b) => (b < a ? b : a));
  }

  /**
   * The CĐCS founded after the earliest reference day of `periods` that are listed all the same (ON_RETURN_LIST_SQL by
   * their own settings; its "sent one in" is one index probe each on the return's unique key, LIMIT 1 keeping the planner
   * from hashing the period's every return instead): few, found by the partial index on their founding day. Not scoped:
   * the caller's query is.
   */
  static async youngListed(m: EntityManager, periods: DatedPeriod[], kind: ReturnPeriodKind, year: number): Promise<string[]> {
    const ref = `(SELECT p.ref FROM jsonb_to_recordset($1::jsonb) AS p(setting uuid, ref date) WHERE p.setting IS NOT DISTINCT FROM ${SETTING_OF_SQL('y', '$1')})`;
    const rows: { id: string }[] = await m.query(
      `SELECT y.id FROM org_unit y
         LEFT JOIN LATERAL (SELECT x.first_submitted_at FROM statistics_return x
                             WHERE x.grassroots_union_id = y.id AND x.period_kind = $3 AND x.year = $4 LIMIT 1) x ON true
        WHERE y.kind = 'GRASSROOTS' AND y.established_on > $2::date AND (x.first_submitted_at IS NOT NULL OR ${OWES_RETURN_SQL('y', ref)})`,
      [ReturnPeriodsService.asJson(periods), ReturnPeriodsService.earliestRef(periods), kind, year],
    );
    return rows.map((r) => r.id);
  }

  /** As jsonb rows for SQL (`jsonb_to_recordset`): setting, start, ref, due, remind. */
  static asJson(periods: DatedPeriod[]): string {
    return JSON.stringify(
      periods.map((p) => ({ setting: p.settingUnitId, path: p.settingPath ?? null, start: p.start, ref: p.end, due: p.dueOn, remind: p.remindOn })),
    );
  }
}
