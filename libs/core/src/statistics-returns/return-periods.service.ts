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
 * creation's Vietnam date). CĐCS created after a period's reference day owe nothing for it. The one rule of the board, the
 * consolidation, the members from returns and the escalations (docs/architecture.md#statistics-returns).
 */
export const OWES_RETURN_SQL = (g: string, ref: string) => `((${g}.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= ${ref})`;

/**
 * SQL: whether the CĐCS aliased `g` is listed for the period (`kind`, `year`, reference day `ref`): it owes the return, or
 * sent one in anyway (then shown with its return's state, so that an accepted one is still summed).
 */
export const ON_RETURN_LIST_SQL = (g: string, ref: string, kind: string, year: string) =>
  `(${OWES_RETURN_SQL(g, ref)} OR EXISTS (SELECT 1 FROM statistics_return x
     WHERE x.grassroots_union_id = ${g}.id AND x.period_kind = ${kind} AND x.year = ${year} AND x.first_submitted_at IS NOT NULL))`;

/**
 * ON_RETURN_LIST_SQL where the reference day depends on the CĐCS's settings (the periods of parameter `param`, asJson):
 * a CĐCS created by the earliest of them (`minRef`), most of them, is listed without looking its settings up.
 */
export const ON_RETURN_LIST_BY_SETTING_SQL = (g: string, param: string, minRef: string, kind: string, year: string) =>
  `(CASE WHEN ${OWES_RETURN_SQL(g, minRef)} THEN true ELSE ${ON_RETURN_LIST_SQL(
    g,
    `(SELECT p.ref FROM jsonb_to_recordset(${param}::jsonb) AS p(setting uuid, ref date) WHERE p.setting IS NOT DISTINCT FROM ${SETTING_OF_SQL(g, param)})`,
    kind,
    year,
  )} END)`;

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

  /** The earliest reference day of the periods (for ON_RETURN_LIST_BY_SETTING_SQL). */
  static earliestRef(periods: DatedPeriod[]): IsoDate {
    return periods.map((p) => p.end).reduce((a, b) => (b < a ? b : a));
  }

  /** As jsonb rows for SQL (`jsonb_to_recordset`): setting, start, ref, due, remind. */
  static asJson(periods: DatedPeriod[]): string {
    return JSON.stringify(
      periods.map((p) => ({ setting: p.settingUnitId, path: p.settingPath ?? null, start: p.start, ref: p.end, due: p.dueOn, remind: p.remindOn })),
    );
  }
}
