import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarDayEdit, calendarDayProblems, isIsoDate } from '@app/domain';
import { JobName } from '@app/queue';
import { FieldProblems } from '../common/field-problems';
import { writeOutbox } from '../outbox/outbox.writer';
import { CALENDAR_DAY_COLUMNS, CalendarDayRow, CalendarService } from './calendar.service';
import { DueDaysService, MovedDueDay } from './due-days.service';

/** One key for every calendar edit: edits run one after another, each counting with the other's day. */
const CALENDAR_EDIT_LOCK = 724_010;

/** What a calendar edit did: the day before and after, and the stored due days it moved. */
export interface CalendarChangeResult {
  day: string;
  previous: CalendarDayRow | null;
  current: CalendarDayRow | null;
  /** Open cases whose due day moved, by their new due day. */
  moved: MovedDueDay[];
  /** Pending direct applications whose decision due day moved. */
  movedApplications: number;
}

/**
 * The one write path of the working-day calendar (docs/architecture.md#the-working-day-calendar-and-due-days).
 * The day and the due days it moves are written in one transaction, so what the edit reports moved is
 * exactly what it committed; a RECOMPUTE_DUE_DAYS outbox row is still written as a safety net (the
 * worker's run then finds nothing left to change, unless a stage was entered meanwhile by a process
 * still counting with its cached calendar).
 */
@Injectable()
export class CalendarEditsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly dueDays: DueDaysService,
  ) {}

  async change(edit: CalendarDayEdit): Promise<CalendarChangeResult> {
    if (!isIsoDate(edit.day)) new FieldProblems().add('day', 'Ngày không hợp lệ (cần dạng YYYY-MM-DD)').throwIfAny();
    const thisYear = Number(this.calendar.today().slice(0, 4));
    const result = await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [CALENDAR_EDIT_LOCK]);
      const [previous]: CalendarDayRow[] = await m.query(`SELECT ${CALENDAR_DAY_COLUMNS} FROM calendar_day WHERE day = $1`, [edit.day]);
      const problems = new FieldProblems();
      for (const p of calendarDayProblems(edit, thisYear, !!previous)) problems.add(p.field, p.message);
      problems.throwIfAny();

      let current: CalendarDayRow | null = null;
      if (edit.kind === null) await m.query(`DELETE FROM calendar_day WHERE day = $1`, [edit.day]);
      else {
        [current] = await m.query(
          `INSERT INTO calendar_day (day, kind, note, document) VALUES ($1, $2, $3, $4)
           ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, document = EXCLUDED.document
           RETURNING ${CALENDAR_DAY_COLUMNS}`,
          [edit.day, edit.kind, edit.note?.trim() || null, edit.document?.trim() || null],
        );
      }
      const out: CalendarChangeResult = { day: edit.day, previous: previous ?? null, current, moved: [], movedApplications: 0 };
      // A new note or document moves nothing: only a change of kind (or presence) is counted again.
      if ((previous?.kind ?? null) !== (current?.kind ?? null)) {
        const outcome = await this.dueDays.recomputeIn(m, edit.day, await this.calendar.calendarIn(m));
        out.moved = outcome.moved.sort((a, b) => (a.after < b.after ? -1 : a.after > b.after ? 1 : a.caseId < b.caseId ? -1 : 1));
        out.movedApplications = outcome.applications;
        await writeOutbox(m, JobName.RECOMPUTE_DUE_DAYS, { day: edit.day });
      }
      return out;
    });
    this.calendar.invalidate();
    return result;
  }
}
