import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarDayEdit, IsoDate, calendarDayProblems, isIsoDate, vnDayText } from '@app/domain';
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

/** How many days one batch may hold: a year's holidays and swaps with room to spare. */
export const CALENDAR_BATCH_MAX = 60;

/** One day of a batch: before and after (the same row when it was written again as it was). */
export interface CalendarDayChange {
  day: string;
  previous: CalendarDayRow | null;
  current: CalendarDayRow | null;
}

/** What a batch of calendar edits did. */
export interface CalendarChangesResult {
  days: CalendarDayChange[];
  /** Days whose kind, note or document changed. */
  changed: number;
  moved: MovedDueDay[];
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

      const current = await this.write(m, edit);
      const out: CalendarChangeResult = { day: edit.day, previous: previous ?? null, current, moved: [], movedApplications: 0 };
      // A new note or document moves nothing: only a change of kind (or presence) is counted again.
      if ((previous?.kind ?? null) !== (current?.kind ?? null)) Object.assign(out, await this.recompute(m, edit.day, edit.day));
      return out;
    });
    this.calendar.invalidate();
    return result;
  }

  /**
   * Several days at once (the Labour Code's holidays of a year, docs/architecture.md#the-working-day-calendar-and-due-days):
   * every day checked first (all problems at once, as `days.<i>.<field>`), then all written and the due days
   * recomputed once, over the span of the days whose kind changed, in one transaction. A day written
   * again as it is changes nothing, so saving the same days twice moves nothing the second time.
   */
  async changeMany(edits: CalendarDayEdit[]): Promise<CalendarChangesResult> {
    const problems = new FieldProblems();
    if (edits.length === 0) problems.add('days', 'Chưa có ngày nào để lưu');
    if (edits.length > CALENDAR_BATCH_MAX) problems.add('days', `Mỗi lần lưu được tối đa ${CALENDAR_BATCH_MAX} ngày`);
    const seen = new Set<string>();
    edits.forEach((e, i) => {
      if (!isIsoDate(e.day)) problems.add(`days.${i}.day`, `Ngày số ${i + 1}: ngày không hợp lệ (cần dạng YYYY-MM-DD)`);
      else if (seen.has(e.day)) problems.add(`days.${i}.day`, `Ngày ${vnDayText(e.day)} có hai lần trong danh sách`);
      seen.add(e.day);
    });
    problems.throwIfAny();
    const thisYear = Number(this.calendar.today().slice(0, 4));
    const result = await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [CALENDAR_EDIT_LOCK]);
      const before: CalendarDayRow[] = await m.query(`SELECT ${CALENDAR_DAY_COLUMNS} FROM calendar_day WHERE day = ANY($1::date[])`, [edits.map((e) => e.day)]);
      const previousOf = new Map(before.map((r) => [r.day, r]));
      edits.forEach((e, i) => {
        for (const p of calendarDayProblems(e, thisYear, previousOf.has(e.day))) problems.add(`days.${i}.${p.field}`, `Ngày ${vnDayText(e.day)}: ${p.message}`);
      });
      problems.throwIfAny();

      const days: CalendarDayChange[] = [];
      for (const e of edits) {
        const previous = previousOf.get(e.day) ?? null;
        const unchanged =
          previous && e.kind === previous.kind && (e.note?.trim() || null) === previous.note && (e.document?.trim() || null) === previous.document;
        days.push({ day: e.day, previous, current: unchanged ? previous : await this.write(m, e) });
      }
      const kindChanged = days
        .filter((d) => (d.previous?.kind ?? null) !== (d.current?.kind ?? null))
        .map((d) => d.day)
        .sort();
      const out: CalendarChangesResult = { days, changed: days.filter((d) => d.previous !== d.current).length, moved: [], movedApplications: 0 };
      if (kindChanged.length) Object.assign(out, await this.recompute(m, kindChanged[0], kindChanged[kindChanged.length - 1]));
      return out;
    });
    this.calendar.invalidate();
    return result;
  }

  /** Writes (or, for a null kind, deletes) one day; the row as written. */
  private async write(m: EntityManager, edit: CalendarDayEdit): Promise<CalendarDayRow | null> {
    if (edit.kind === null) {
      await m.query(`DELETE FROM calendar_day WHERE day = $1`, [edit.day]);
      return null;
    }
    const [row]: CalendarDayRow[] = await m.query(
      `INSERT INTO calendar_day (day, kind, note, document) VALUES ($1, $2, $3, $4)
       ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, document = EXCLUDED.document
       RETURNING ${CALENDAR_DAY_COLUMNS}`,
      [edit.day, edit.kind, edit.note?.trim() || null, edit.document?.trim() || null],
    );
    return row;
  }

  /** The due days the changed days from … until can move, recomputed in `m`, and the worker's safety-net job. */
  private async recompute(m: EntityManager, from: IsoDate, until: IsoDate): Promise<Pick<CalendarChangeResult, 'moved' | 'movedApplications'>> {
    const outcome = await this.dueDays.recomputeIn(m, from, await this.calendar.calendarIn(m), undefined, until);
    await writeOutbox(m, JobName.RECOMPUTE_DUE_DAYS, from === until ? { day: from } : { day: from, until });
    return {
      moved: outcome.moved.sort((a, b) => (a.after < b.after ? -1 : a.after > b.after ? 1 : a.caseId < b.caseId ? -1 : 1)),
      movedApplications: outcome.applications,
    };
  }
}
