import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DEFAULT_SLA, HolidayKind, IsoDate, SlaConfig, WorkingCalendar, calendarFromRows, isIsoDate, vnDateOf } from '@app/domain';
import { Clock, systemClock } from '../common/dates';
import { badInput } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { JobName } from '@app/queue';
import { writeOutbox } from '../outbox/outbox.writer';

export const CLOCK = Symbol('CLOCK');
const CACHE_MS = 60_000;

/** The working-day calendar from the `calendar_day` table, cached briefly; admins edit it. */
@Injectable()
export class CalendarService {
  private cached: { at: number; cal: WorkingCalendar } | null = null;
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
    const rows: { day: string; kind: HolidayKind }[] = await this.db.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_day`);
    const cal = calendarFromRows(rows);
    this.cached = { at: t, cal };
    return cal;
  }

  async daysOfYear(year: number): Promise<{ day: string; kind: 'DAY_OFF' | 'MAKE_UP_WORKING_DAY'; note: string | null }[]> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput({ year: RULE.between('year', 2000, 2100) });
    return this.db.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, note FROM calendar_day WHERE day BETWEEN $1 AND $2 ORDER BY day`, [
      `${year}-01-01`,
      `${year}-12-31`,
    ]);
  }

  /**
   * Sets or removes a day of the calendar. The due days already stored that the change can move are
   * recomputed by a worker job (RECOMPUTE_DUE_DAYS, through the outbox, in the same transaction).
   */
  async setDay(day: IsoDate, kind: 'DAY_OFF' | 'MAKE_UP_WORKING_DAY' | null, note: string | null): Promise<void> {
    if (!isIsoDate(day)) throw badInput({ day: RULE.realDay('day') });
    await this.db.transaction(async (m) => {
      if (kind === null) await m.query(`DELETE FROM calendar_day WHERE day = $1`, [day]);
      else {
        await m.query(
          `INSERT INTO calendar_day (day, kind, note) VALUES ($1, $2, $3) ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note`,
          [day, kind, note],
        );
      }
      await writeOutbox(m, JobName.RECOMPUTE_DUE_DAYS, { day });
    });
    this.invalidate();
  }

  /** The next `calendar()` reads the table again (other processes refresh within CACHE_MS). */
  invalidate(): void {
    this.cached = null;
  }
}

export const clockProvider = { provide: CLOCK, useValue: systemClock };
