import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IsoDate, addDays, isIsoDate, nextMonthStart, vnStartOfDay } from '@app/domain';
import { SqlParams } from '../common/sql-params';
import { CASES_AS_OF } from './cases-as-of.sql';
import { CASE_CLOSE_TALLY_SQL } from './close-tally.sql';

/**
 * How long after a month's end its close waits: a write that started before the end (its history row
 * dated before it) must have committed, or the close would miss it for good.
 */
const SETTLE = `interval '15 minutes'`;

export interface PeriodCloseResult {
  closed: boolean;
  cases: number;
  reason?: 'ALREADY_CLOSED' | 'NOT_SETTLED';
}

/**
 * Freezes a month end ("chốt số liệu"): every case opened before the end of that day as it stood then
 * (the stage and due day its history gives, the same rows FiguresService replays, and its assignee),
 * so that the figures of every period ending that day (month, quarter, half, year) read them instead
 * of probing each changed case's history; and those cases counted by unit, assignee, stage, lateness
 * and month of entering a final stage (case_close_tally), which the stages and officers' counts sum.
 * When a RECOGNIZED or CLOSED case entered that stage is exact from the day's year on (`window_from`:
 * the longest period ending on it). Written once: a
 * second close of the same day adds nothing. A closed period keeps its figures: a later calendar edit
 * that moves due days, or a reassignment, does not reach it.
 * See docs/architecture.md#period-closes.
 */
@Injectable()
export class PeriodCloseService {
  private readonly logger = new Logger(PeriodCloseService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async close(day: IsoDate): Promise<PeriodCloseResult> {
    if (!isIsoDate(day)) throw new RangeError(`Not a YYYY-MM-DD date: ${day}`);
    if (addDays(nextMonthStart(day), -1) !== day) throw new RangeError(`Not the last day of a month: ${day}`);
    const asOf = vnStartOfDay(addDays(day, 1));
    const windowFrom = `${day.slice(0, 4)}-01-01`;
    return this.db.transaction(async (m) => {
      // The key serializes two closes of the same day: the second waits here, then adds nothing.
      const claimed = await m.query(
        `INSERT INTO period_close (closed_on, window_from, cases) SELECT $1, $2, 0 WHERE now() >= $3::timestamptz + ${SETTLE}
         ON CONFLICT (closed_on) DO NOTHING RETURNING closed_on`,
        [day, windowFrom, asOf],
      );
      if (!claimed.length) {
        const [existing] = await m.query(`SELECT cases FROM period_close WHERE closed_on = $1`, [day]);
        return existing
          ? { closed: false, cases: existing.cases, reason: 'ALREADY_CLOSED' as const }
          : { closed: false, cases: 0, reason: 'NOT_SETTLED' as const };
      }
      const p = new SqlParams();
      const [{ n }] = await m.query(
        `WITH ins AS (
           INSERT INTO case_close_state (closed_on, case_id, org_unit_id, enterprise_id, assignee_id, stage, due_on, entered_at)
           SELECT ${p.add(day)}::date, st.id, st.org_unit_id, st.enterprise_id, st.assignee_id, st.stage, st.due_on, st.entered_at
             FROM (${CASES_AS_OF('true', p.add(asOf), p.add(vnStartOfDay(windowFrom)))}) st
           RETURNING 1)
         SELECT count(*)::int AS n FROM ins`,
        p.values,
      );
      await m.query(CASE_CLOSE_TALLY_SQL('$1::date'), [day]);
      await m.query(`UPDATE period_close SET cases = $2 WHERE closed_on = $1`, [day, n]);
      this.logger.log(`Closed ${day}: ${n} cases frozen as of its end`);
      return { closed: true, cases: n };
    });
  }
}
