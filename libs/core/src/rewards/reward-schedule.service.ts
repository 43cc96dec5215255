import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IsoDate, isIsoDate } from '@app/domain';
import { JobName } from '@app/queue';
import { badInput } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { CalendarService } from '../calendar/calendar.service';
import { outboxInsertSelect } from '../outbox/outbox.writer';
import { REWARD_LOCK_CLASS } from './rewards.service';
import { occasionsDueBy } from './reward-occasions';

/** A worker down on the due day still schedules the occasion within this many days after it. */
export const REWARD_CATCH_UP_DAYS = 7;
const JOB = JobName.SCHEDULE_REWARD_EVALUATIONS;

export interface ScheduledOccasion {
  occasion: string;
  year: number;
  units: number;
}

/**
 * The daily check: for each occasion due (on the day or in the catch-up window) and not scheduled
 * yet, one EVALUATE_REWARDS outbox row per UPPER_LEVEL unit, and a job_run row that marks the
 * occasion scheduled, all in one transaction. A second run adds nothing; a duplicate evaluation
 * job would change nothing either (unique keys).
 */
@Injectable()
export class RewardScheduleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async scheduleDue(today: IsoDate = this.calendar.today()): Promise<ScheduledOccasion[]> {
    if (!isIsoDate(today)) throw badInput({ today: RULE.realDay('today') });
    const due = occasionsDueBy(today, REWARD_CATCH_UP_DAYS);
    if (!due.length) return [];
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [REWARD_LOCK_CLASS, JOB]);
      const scheduled: ScheduledOccasion[] = [];
      for (const o of due) {
        const [done] = await m.query(`SELECT 1 FROM job_run WHERE job = $1 AND details->>'occasion' = $2 AND (details->>'year')::int = $3 LIMIT 1`, [
          JOB,
          o.occasion,
          o.year,
        ]);
        if (done) continue;
        // Set-based rather than writeOutbox per unit: a national tree has thousands of upper-level units.
        const params: unknown[] = [];
        const evaluations = outboxInsertSelect(
          JobName.EVALUATE_REWARDS,
          {
            perRow: { orgUnitId: 'u.id' },
            fixed: { occasion: o.occasion, year: o.year },
            from: `org_unit u WHERE u.kind = 'UPPER_LEVEL' AND u.dissolved_at IS NULL ORDER BY u.path`,
          },
          params,
        );
        const [{ n }] = await m.query(`WITH w AS (${evaluations} RETURNING 1) SELECT count(*)::int AS n FROM w`, params);
        await m.query(`INSERT INTO job_run (job, started_at, finished_at, details) VALUES ($1, now(), now(), $2)`, [
          JOB,
          JSON.stringify({ today, occasion: o.occasion, year: o.year, units: n }),
        ]);
        scheduled.push({ occasion: o.occasion, year: o.year, units: n });
      }
      return scheduled;
    });
  }
}
