import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  DEFAULT_SLA,
  HolidayKind,
  IsoDate,
  MissingCalendarYear,
  SlaConfig,
  WorkingCalendar,
  calendarFromRows,
  calendarYears,
  missingCalendarYears,
  vnDateOf,
} from '@app/domain';
import { Clock, systemClock } from '../common/dates';
import { badInput } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';

export const CLOCK = Symbol('CLOCK');

/** A row of `calendar_day` as the API shows it. */
export interface CalendarDayRow {
  day: IsoDate;
  kind: HolidayKind;
  note: string | null;
  document: string | null;
}
export const CALENDAR_DAY_COLUMNS = `to_char(day, 'YYYY-MM-DD') AS day, kind, note, document`;
const CACHE_MS = 60_000;

/** The working-day calendar from the `calendar_day` table, cached briefly; admins edit it through CalendarEditsService. */
@Injectable()
export class CalendarService {
  private cached: { at: number; cal: WorkingCalendar } | null = null;
  private cachedMissing: { at: number; today: IsoDate; years: MissingCalendarYear[] } | null = null;
  readonly sla: SlaConfig;
  private readonly applicationDecisionDays: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.sla = { ...DEFAULT_SLA, stageDays: { ...config.slaStageDays } };
    this.applicationDecisionDays = config.applicationDecisionDays;
  }

  /** The day an upper-level union has to decide a direct application by: APPLICATION_DECISION_DAYS working days after its submission. */
  applicationDueOn(cal: WorkingCalendar, submittedOn: IsoDate): IsoDate {
    return cal.addWorkingDays(submittedOn, this.applicationDecisionDays);
  }

  now(): Date {
    return this.clock();
  }

  today(): IsoDate {
    return vnDateOf(this.clock());
  }

  async calendar(): Promise<WorkingCalendar> {
    const t = Date.now();
    if (this.cached && t - this.cached.at < CACHE_MS) return this.cached.cal;
    const cal = await this.calendarIn(this.db.manager);
    this.cached = { at: t, cal };
    return cal;
  }

  /** The calendar as `m` sees it now (inside a transaction: with its own uncommitted edits), never cached. */
  async calendarIn(m: EntityManager): Promise<WorkingCalendar> {
    const rows: { day: string; kind: HolidayKind }[] = await m.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_day`);
    return calendarFromRows(rows);
  }

  /** The years whose days an ADMIN may set (docs/architecture.md#the-working-day-calendar-and-due-days). */
  years(): number[] {
    return calendarYears(Number(this.today().slice(0, 4)));
  }

  async daysOfYear(year: number): Promise<CalendarDayRow[]> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput({ year: RULE.between('year', 2000, 2100) });
    return this.db.query(`SELECT ${CALENDAR_DAY_COLUMNS} FROM calendar_day WHERE day BETWEEN $1 AND $2 ORDER BY day`, [`${year}-01-01`, `${year}-12-31`]);
  }

  /**
   * The years the calendar should hold days off for and does not (this year; next year from October; every year up
   * to the furthest due day stored on an open case or a pending application), cached like the calendar
   * (docs/architecture.md#the-working-day-calendar-and-due-days).
   */
  async missingYears(): Promise<MissingCalendarYear[]> {
    const t = Date.now();
    const today = this.today();
    if (this.cachedMissing && this.cachedMissing.today === today && t - this.cachedMissing.at < CACHE_MS) return this.cachedMissing.years;
    const [row]: { kept: number[] | null; last: string | null }[] = await this.db.query(
      `SELECT (SELECT array_agg(DISTINCT extract(year FROM day)::int) FROM calendar_day WHERE kind = 'DAY_OFF') AS kept,
              to_char(greatest((SELECT max(critical_on) FROM founding_case WHERE stage IN ${OPEN_STAGES_SQL}),
                               (SELECT max(due_on) FROM membership_application WHERE status = 'SUBMITTED' AND due_on IS NOT NULL)), 'YYYY-MM-DD') AS last`,
    );
    // The stored windows run from today (or before) to their last day: every year in between holds due days.
    const thisYear = Number(today.slice(0, 4));
    const lastYear = row.last ? Number(row.last.slice(0, 4)) : thisYear - 1;
    const dueYears = Array.from({ length: Math.max(0, lastYear - thisYear + 1) }, (_, i) => thisYear + i);
    const years = missingCalendarYears(today, row.kept ?? [], dueYears);
    this.cachedMissing = { at: t, today, years };
    return years;
  }

  /** The next `calendar()` reads the table again (other processes refresh within CACHE_MS). */
  invalidate(): void {
    this.cached = null;
    this.cachedMissing = null;
  }
}

export const clockProvider = { provide: CLOCK, useValue: systemClock };
