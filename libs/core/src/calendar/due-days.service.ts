import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseStage, IsoDate, OpenStage, WorkingCalendar, isIsoDate, stageDeadlines } from '@app/domain';
import { badInput } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { CalendarService } from './calendar.service';

const BATCH = 1000;

export interface RecomputeResult {
  cases: number;
  applications: number;
}

/** A case whose due day (stage_due_on) a recompute moved. */
export interface MovedDueDay {
  caseId: string;
  before: IsoDate;
  after: IsoDate;
}

/** What one recompute wrote: the counts, and the cases whose due day itself moved (not only the warning or critical day). */
export interface RecomputeOutcome extends RecomputeResult {
  moved: MovedDueDay[];
}

/**
 * After a calendar day is set or removed, the due days stored at stage entry (cases) and at submission
 * (direct applications) are computed again with the new calendar. Only those whose counting window
 * (start day … last stored day) contains the changed day can move. Derived data: no version bump; the
 * history rows of the current stage entry keep the case's due day, as stage entries write them.
 * Idempotent: a second run (duplicate delivery) finds nothing to change.
 * See docs/architecture.md#the-working-day-calendar-and-due-days.
 */
@Injectable()
export class DueDaysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  /** The worker's job, with the calendar as committed: each batch its own statement (no long transaction). */
  async recompute(day: IsoDate, batch = BATCH, until: IsoDate = day): Promise<RecomputeResult> {
    if (!isIsoDate(day)) throw badInput({ day: RULE.realDay('day') });
    if (!isIsoDate(until) || until < day) throw badInput({ until: RULE.realDay('until') });
    const m = this.db.manager;
    const { cases, applications } = await this.recomputeIn(m, day, await this.calendar.calendarIn(m), batch, until);
    return { cases, applications };
  }

  /**
   * Recomputes inside the caller's transaction with `cal` (a calendar edit passes the calendar as it
   * has just written it, so the moved days it reports are those it commits). Several changed days
   * (a batch, `day` … `until`): the windows holding any day of that span, so one pass covers them all.
   */
  async recomputeIn(m: EntityManager, day: IsoDate, cal: WorkingCalendar, batch = BATCH, until: IsoDate = day): Promise<RecomputeOutcome> {
    const result: RecomputeOutcome = { cases: 0, applications: 0, moved: [] };

    // Cases, in id order, a batch per transaction (keyset: one pass over the open cases at most).
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows: CaseDueRow[] = await m.query(
        `SELECT c.id, c.stage, c.stage_entry,
                to_char((c.stage_entered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS entered_on,
                to_char(c.dossier_completed_on, 'YYYY-MM-DD') AS dossier_on, to_char(c.stage_due_on, 'YYYY-MM-DD') AS due_on,
                to_char(c.warning_on, 'YYYY-MM-DD') AS warning_on, to_char(c.critical_on, 'YYYY-MM-DD') AS critical_on
           FROM founding_case c
          WHERE c.stage IN ${OPEN_STAGES_SQL} AND c.critical_on >= $1 AND c.id > $2
          ORDER BY c.id LIMIT $3`,
        [day, after, batch],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      const moved = rows.flatMap((r) => {
        const stage = r.stage as OpenStage;
        const dossier = stage === CaseStage.RECOGNITION_DECISION ? r.dossier_on : null;
        if ((dossier ?? r.entered_on) > until) return [];
        const d = stageDeadlines(cal, stage, r.entered_on, this.calendar.sla, dossier);
        return d.dueOn === r.due_on && d.warningOn === r.warning_on && d.criticalOn === r.critical_on ? [] : [{ r, d }];
      });
      if (moved.length) {
        const written = new Set(
          await this.writeCases(
            m,
            moved.map(({ r, d }) => [r.id, r.stage_entry, d.dueOn, d.warningOn, d.criticalOn]),
          ),
        );
        result.cases += written.size;
        for (const { r, d } of moved) {
          if (written.has(r.id) && r.due_on && d.dueOn !== r.due_on) result.moved.push({ caseId: r.id, before: r.due_on, after: d.dueOn });
        }
      }
      if (rows.length < batch) break;
    }

    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows: { id: string; submitted_on: IsoDate; due_on: IsoDate }[] = await m.query(
        `SELECT a.id, to_char(a.submitted_on, 'YYYY-MM-DD') AS submitted_on, to_char(a.due_on, 'YYYY-MM-DD') AS due_on
           FROM membership_application a
          WHERE a.status = 'SUBMITTED' AND a.due_on IS NOT NULL AND a.due_on >= $1 AND a.submitted_on <= $4 AND a.id > $2
          ORDER BY a.id LIMIT $3`,
        [day, after, batch, until],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      const moved = rows.map((r) => ({ id: r.id, old: r.due_on, due: this.calendar.applicationDueOn(cal, r.submitted_on) })).filter((r) => r.due !== r.old);
      if (moved.length) {
        const [{ n }] = await m.query(
          `WITH u AS (UPDATE membership_application a SET due_on = v.due
                        FROM unnest($1::uuid[], $2::date[]) AS v(id, due)
                       WHERE a.id = v.id AND a.status = 'SUBMITTED' RETURNING a.id)
           SELECT count(*)::int AS n FROM u`,
          [moved.map((r) => r.id), moved.map((r) => r.due)],
        );
        result.applications += n;
      }
      if (rows.length < batch) break;
    }
    return result;
  }

  /** One statement per batch: the case's days (if still in the same stage entry) and its current entry's history rows; the ids written. */
  private async writeCases(m: EntityManager, rows: [string, number, IsoDate, IsoDate, IsoDate][]): Promise<string[]> {
    const col = (i: number) => rows.map((r) => r[i]);
    const written: { id: string }[] = await m.query(
      `WITH v AS (SELECT * FROM unnest($1::uuid[], $2::int[], $3::date[], $4::date[], $5::date[]) AS v(id, stage_entry, due, warn, crit)),
       c AS (UPDATE founding_case c SET stage_due_on = v.due, warning_on = v.warn, critical_on = v.crit,
                    opened_due_on = CASE WHEN c.stage_entry = 1 THEN v.due ELSE c.opened_due_on END
               FROM v WHERE c.id = v.id AND c.stage_entry = v.stage_entry RETURNING c.id, c.stage_due_on),
       h AS (UPDATE case_transition t SET stage_due_on = c.stage_due_on FROM c
              WHERE t.case_id = c.id
                -- The current stage entry: from its last stage change (none: since the opening) on.
                AND t.version >= coalesce((SELECT max(x.version) FROM case_transition x
                                            WHERE x.case_id = c.id AND x.from_stage IS DISTINCT FROM x.to_stage), 0)
              RETURNING t.case_id)
       SELECT c.id FROM c`,
      [col(0), col(1), col(2), col(3), col(4)],
    );
    return written.map((r) => r.id);
  }
}

interface CaseDueRow {
  id: string;
  stage: string;
  stage_entry: number;
  entered_on: IsoDate;
  dossier_on: IsoDate | null;
  due_on: IsoDate | null;
  warning_on: IsoDate | null;
  critical_on: IsoDate | null;
}
