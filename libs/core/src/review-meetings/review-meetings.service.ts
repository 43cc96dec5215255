import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IsoDate, MonthlyMeetingRule, SnapshotChange, actionItemDays, isIsoDate, latenessOf, monthlyMeetingDays, snapshotChanges } from '@app/domain';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { AppError, ErrorCode, conflict, forbidden, notFound } from '../common/app-error';
import { FieldProblems } from '../common/field-problems';
import { RULE, dayMonthYear } from '../common/messages-vi';
import { CalendarService } from '../calendar/calendar.service';
import { FiguresService } from '../figures/figures.service';
import { isUuid } from '../identity/account-errors';
import { MEETING_SNAPSHOT_SOURCE, MeetingSnapshotSource } from './meeting-snapshot-source';
import { figuresForChange, takeSnapshot } from './meeting-snapshot';
import { mayReadMeetings, readableUnit, writableUnit } from './review-meeting-access';
import { MAX_ACTION_ITEMS, checkActionItems, checkChair, meetingTitle } from './review-meeting-checks';
import {
  ActionItemView,
  HoldReviewMeeting,
  ReviewMeetingStatus,
  ReviewMeetingView,
  ScheduleMonthlyReviewMeetings,
  ScheduleReviewMeeting,
} from './review-meeting.types';

const MAX_MINUTES = 20_000;

const MEETING_SELECT = `m.id, m.org_unit_id AS "orgUnitId", o.name AS "orgUnitName", o.path AS "orgUnitPath", to_char(m.day, 'YYYY-MM-DD') AS day,
  m.title, m.chair_id AS "chairId", u.full_name AS "chairName", m.status, m.minutes, m.snapshot, m.held_at AS "heldAt", m.held_by AS "heldById",
  m.cancelled_at AS "cancelledAt", m.cancel_reason AS "cancelReason", m.created_at AS "createdAt"`;
const MEETING_FROM = `review_meeting m JOIN org_unit o ON o.id = m.org_unit_id JOIN app_user u ON u.id = m.chair_id`;

const STATUS_VI: Record<ReviewMeetingStatus, string> = { SCHEDULED: 'đã lên lịch', HELD: 'đã họp', CANCELLED: 'đã hủy' };

/**
 * Review meetings (giao ban) of a unit: scheduled one at a time or monthly for a year, held once (freezing a snapshot of
 * the figures and recording the minutes and action items), cancelled before being held (docs/architecture.md#review-meetings).
 * OFFICERs read their own unit's meetings; SUPERVISORs read and write within their subtree; ADMIN everywhere.
 */
@Injectable()
export class ReviewMeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly figures: FiguresService,
    @Inject(MEETING_SNAPSHOT_SOURCE) private readonly extras: MeetingSnapshotSource,
  ) {}

  // --- reads ------------------------------------------------------------------------------------------------

  async list(actor: Actor, orgUnitId: string, year: number): Promise<ReviewMeetingView[]> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new FieldProblems().add('year', RULE.between('year', 2000, 2100)).error();
    const unit = await readableUnit(this.db.manager, actor, orgUnitId);
    return this.db.query(`SELECT ${MEETING_SELECT} FROM ${MEETING_FROM} WHERE m.org_unit_id = $1 AND m.day BETWEEN $2 AND $3 ORDER BY m.day, m.created_at`, [
      unit.id,
      `${year}-01-01`,
      `${year}-12-31`,
    ]);
  }

  async get(actor: Actor, id: string): Promise<ReviewMeetingView> {
    const meeting = await this.meeting(this.db.manager, id);
    if (!meeting || !mayReadMeetings(actor, meeting.orgUnitId, meeting.orgUnitPath)) throw notFound('reviewMeeting');
    return meeting;
  }

  /** The last meeting of the same unit held before this one (by day, then holding time), or null. */
  async previousHeld(m: ReviewMeetingView): Promise<ReviewMeetingView | null> {
    const [row] = await this.db.query(
      `SELECT ${MEETING_SELECT} FROM ${MEETING_FROM}
        WHERE m.org_unit_id = $1 AND m.status = 'HELD' AND m.id <> $2
          AND (m.day, m.held_at) < ($3::date, coalesce($4::timestamptz, 'infinity'))
        ORDER BY m.day DESC, m.held_at DESC LIMIT 1`,
      [m.orgUnitId, m.id, m.day, m.heldAt],
    );
    return row ?? null;
  }

  /** This meeting's snapshot against the previous held one's, indicator by indicator (both frozen); empty before it is held. */
  async changeSincePrevious(m: ReviewMeetingView): Promise<SnapshotChange[]> {
    if (!m.snapshot) return [];
    const prev = await this.previousHeld(m);
    return snapshotChanges(prev?.snapshot ? figuresForChange(prev.snapshot) : null, figuresForChange(m.snapshot));
  }

  async actionItems(meetingIds: readonly string[]): Promise<Map<string, ActionItemView[]>> {
    const out = new Map<string, ActionItemView[]>(meetingIds.map((id) => [id, []]));
    if (!meetingIds.length) return out;
    const rows = await this.db.query(
      `SELECT ai.id, ai.meeting_id AS "meetingId", ai.position, ai.what, ai.assignee_id AS "assigneeId", u.full_name AS "assigneeName",
              to_char(ai.due_on, 'YYYY-MM-DD') AS "dueOn", to_char(ai.warning_on, 'YYYY-MM-DD') AS "warningOn",
              to_char(ai.critical_on, 'YYYY-MM-DD') AS "criticalOn", ai.status, ai.completed_at AS "completedAt", ai.completed_by AS "completedById",
              (SELECT x.level FROM escalation x WHERE x.action_item_id = ai.id
                ORDER BY CASE x.level WHEN 'CRITICAL' THEN 3 WHEN 'BREACH' THEN 2 ELSE 1 END DESC LIMIT 1) AS "escalationLevel"
         FROM review_action_item ai JOIN app_user u ON u.id = ai.assignee_id
        WHERE ai.meeting_id = ANY($1) ORDER BY ai.meeting_id, ai.position`,
      [meetingIds],
    );
    const cal = await this.calendar.calendar();
    const today = this.calendar.today();
    for (const r of rows) {
      const lateness = latenessOf(cal, { warningOn: r.warningOn, dueOn: r.dueOn, criticalOn: r.criticalOn }, today, r.status === 'OPEN');
      out.get(r.meetingId)!.push({ ...r, lateness: r.status === 'DONE' ? { ...lateness, label: 'Đã hoàn thành' } : lateness });
    }
    return out;
  }

  /**
   * The action items of the unit's last meeting held on or before `day`, for the period report (no caller: the report's
   * unit decides), with the meeting; null when none was held.
   */
  async lastHeldActionItems(
    m: EntityManager,
    orgUnitId: string,
    day: IsoDate,
  ): Promise<{ meeting: { id: string; day: IsoDate; title: string | null; chairName: string }; items: ActionItemView[] } | null> {
    const [row] = await m.query(
      `SELECT m.id, to_char(m.day, 'YYYY-MM-DD') AS day, m.title, u.full_name AS "chairName" FROM review_meeting m JOIN app_user u ON u.id = m.chair_id
        WHERE m.org_unit_id = $1 AND m.status = 'HELD' AND m.day <= $2 ORDER BY m.day DESC, m.held_at DESC LIMIT 1`,
      [orgUnitId, day],
    );
    if (!row) return null;
    return { meeting: row, items: (await this.actionItems([row.id])).get(row.id)! };
  }

  // --- writes -----------------------------------------------------------------------------------------------

  async schedule(actor: Actor, input: ScheduleReviewMeeting): Promise<ReviewMeetingView> {
    return this.db.transaction(async (m) => {
      const problems = new FieldProblems();
      if (typeof input.day !== 'string' || !isIsoDate(input.day)) problems.add('day', RULE.realDay('day'));
      else if (input.day < '2000-01-01' || input.day > '2100-12-31') problems.add('day', RULE.between('year', 2000, 2100));
      const title = meetingTitle(problems, input.title);
      const unit = await writableUnit(m, actor, input.orgUnitId);
      await checkChair(m, problems, unit, input.chairId);
      problems.throwIfAny();
      const [taken] = await m.query(`SELECT 1 FROM review_meeting WHERE org_unit_id = $1 AND day = $2 AND status <> 'CANCELLED'`, [unit.id, input.day]);
      if (taken) throw conflict(`Đơn vị đã có cuộc giao ban ngày ${dayMonthYear(input.day)}`, { reason: 'DAY_TAKEN' });
      const rows: { id: string }[] = await m.query(
        `INSERT INTO review_meeting (org_unit_id, day, title, chair_id, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (org_unit_id, day) WHERE status <> 'CANCELLED' DO NOTHING RETURNING id`,
        [unit.id, input.day, title, input.chairId, actor.userId],
      );
      if (!rows.length) throw conflict(`Đơn vị đã có cuộc giao ban ngày ${dayMonthYear(input.day)}`, { reason: 'DAY_TAKEN' });
      const id = rows[0].id;
      return (await this.meeting(m, id))!;
    });
  }

  /**
   * The year's monthly meetings in one step: one per month by the rule, moved onto working days; months before today's and
   * months that already have a meeting (not cancelled) are left out, so a second call adds nothing. Answers those created.
   */
  async scheduleMonthly(actor: Actor, input: ScheduleMonthlyReviewMeetings): Promise<ReviewMeetingView[]> {
    return this.db.transaction(async (m) => {
      const problems = new FieldProblems();
      const rule: MonthlyMeetingRule = input.rule ?? 'DAY_OF_MONTH';
      if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.add('year', RULE.between('year', 2000, 2100));
      if (!['DAY_OF_MONTH', 'FIRST_WORKING_DAY', 'LAST_WORKING_DAY'].includes(rule))
        problems.add('rule', RULE.oneOf('rule', ['DAY_OF_MONTH', 'FIRST_WORKING_DAY', 'LAST_WORKING_DAY']));
      const dayOfMonth = input.dayOfMonth ?? null;
      if (rule === 'DAY_OF_MONTH') {
        if (dayOfMonth === null) problems.add('dayOfMonth', RULE.notEmpty('dayOfMonth'));
        else if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31) problems.add('dayOfMonth', RULE.between('dayOfMonth', 1, 31));
      }
      const title = meetingTitle(problems, input.title);
      const unit = await writableUnit(m, actor, input.orgUnitId);
      await checkChair(m, problems, unit, input.chairId);
      problems.throwIfAny();
      const cal = await this.calendar.calendarIn(m);
      const today = this.calendar.today();
      const days = monthlyMeetingDays(cal, input.year, rule, dayOfMonth ?? 1).filter((d) => d.slice(0, 7) >= today.slice(0, 7));
      // Serialises two calls for the same unit (the month check and the insert in one go).
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('review_meeting:' || $1))`, [unit.id]);
      const rows: { id: string }[] = await m.query(
        `INSERT INTO review_meeting (org_unit_id, day, title, chair_id, created_by)
         SELECT $1, d.day, $3, $4, $5 FROM unnest($2::date[]) AS d(day)
          WHERE NOT EXISTS (SELECT 1 FROM review_meeting x WHERE x.org_unit_id = $1 AND x.status <> 'CANCELLED'
                             AND date_trunc('month', x.day) = date_trunc('month', d.day))
         ON CONFLICT (org_unit_id, day) WHERE status <> 'CANCELLED' DO NOTHING RETURNING id`,
        [unit.id, days, title, input.chairId, actor.userId],
      );
      // One at a time: a transaction's connection runs one statement at a time.
      const made: ReviewMeetingView[] = [];
      for (const r of rows) made.push((await this.meeting(m, r.id))!);
      return made.sort((x, y) => x.day.localeCompare(y.day));
    });
  }

  async cancel(actor: Actor, id: string, reason?: string | null): Promise<ReviewMeetingView> {
    return this.db.transaction(async (m) => {
      const problems = new FieldProblems();
      const why = reason === null || reason === undefined ? null : reason.normalize('NFC').trim() || null;
      if (why && why.length > 2000) problems.add('reason', RULE.tooLong('reason', 2000));
      problems.throwIfAny();
      const meeting = await this.lockedForWrite(m, actor, id);
      if (meeting.status !== 'SCHEDULED') throw conflict(`Cuộc giao ban này ${STATUS_VI[meeting.status]}, không hủy được`, { status: meeting.status });
      await m.query(`UPDATE review_meeting SET status = 'CANCELLED', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3 WHERE id = $1`, [
        id,
        actor.userId,
        why,
      ]);
      return (await this.meeting(m, id))!;
    });
  }

  /**
   * Holds a scheduled meeting once: freezes the snapshot of the figures as of its day, records the minutes and the action
   * items with their escalation days. A second call (even at the same moment) answers CONFLICT and changes nothing.
   * REPEATABLE READ: every figure of the snapshot from one view of the database; a concurrent holder that committed first
   * makes this one fail to serialize, retried once to answer CONFLICT.
   */
  async hold(actor: Actor, input: HoldReviewMeeting, today: IsoDate = this.calendar.today()): Promise<ReviewMeetingView> {
    const problems = new FieldProblems();
    const minutes = (input.minutes ?? '').normalize('NFC').trim();
    if (!minutes) problems.add('minutes', RULE.notEmpty('minutes'));
    else if (minutes.length > MAX_MINUTES) problems.add('minutes', RULE.tooLong('minutes', MAX_MINUTES));
    const items = (input.actionItems ?? []).map((a) => ({ ...a, what: (a.what ?? '').normalize('NFC').trim() }));
    if (items.length > MAX_ACTION_ITEMS) problems.add('actionItems', `Tối đa ${MAX_ACTION_ITEMS} việc cần làm cho một cuộc giao ban`);
    const attempt = () =>
      this.db.transaction('REPEATABLE READ', async (m) => {
        const meeting = await this.lockedForWrite(m, actor, input.id);
        if (meeting.status === 'HELD')
          throw conflict(`Cuộc giao ban ngày ${dayMonthYear(meeting.day)} đã họp và chốt số liệu; không ghi lại được`, { reason: 'ALREADY_HELD' });
        if (meeting.status === 'CANCELLED') throw conflict(`Cuộc giao ban ngày ${dayMonthYear(meeting.day)} đã hủy`, { reason: 'CANCELLED' });
        if (meeting.day > today)
          throw new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, `Chưa đến ngày giao ban (${dayMonthYear(meeting.day)}): chỉ ghi biên bản từ ngày họp`);
        await checkActionItems(m, problems, meeting, items);
        problems.throwIfAny();
        const unit = { id: meeting.orgUnitId, path: meeting.orgUnitPath, name: meeting.orgUnitName };
        const snapshot = await takeSnapshot(m, this.figures, this.extras, unit, meeting.day, today, this.calendar.now());
        await m.query(`UPDATE review_meeting SET status = 'HELD', minutes = $2, snapshot = $3, held_at = now(), held_by = $4 WHERE id = $1`, [
          meeting.id,
          minutes,
          JSON.stringify(snapshot),
          actor.userId,
        ]);
        const cal = await this.calendar.calendarIn(m);
        for (const [i, a] of items.entries()) {
          const d = actionItemDays(cal, meeting.day, a.dueOn, this.calendar.sla.thresholds);
          await m.query(
            `INSERT INTO review_action_item (meeting_id, position, what, assignee_id, due_on, warning_on, critical_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [meeting.id, i + 1, a.what, a.assigneeId, d.dueOn, d.warningOn, d.criticalOn],
          );
        }
        return (await this.meeting(m, meeting.id))!;
      });
    try {
      return await attempt();
    } catch (e) {
      if ((e as { code?: string; driverError?: { code?: string } }).driverError?.code === '40001' || (e as { code?: string }).code === '40001')
        return attempt();
      throw e;
    }
  }

  /** Marks an action item done: its assignee, or a SUPERVISOR of the meeting's subtree, or ADMIN. Done stays done. */
  async completeActionItem(actor: Actor, id: string): Promise<ActionItemView> {
    const meetingId = await this.db.transaction(async (m) => {
      const [row] = isUuid(id)
        ? await m.query(
            `SELECT ai.id, ai.status, ai.assignee_id, ai.meeting_id, o.id AS unit_id, o.path FROM review_action_item ai
               JOIN review_meeting rm ON rm.id = ai.meeting_id JOIN org_unit o ON o.id = rm.org_unit_id WHERE ai.id = $1 FOR UPDATE OF ai`,
            [id],
          )
        : [];
      if (!row || !mayReadMeetings(actor, row.unit_id, row.path)) throw notFound('actionItem');
      if (actor.role === Role.OFFICER && row.assignee_id !== actor.userId) throw forbidden('Cán bộ chỉ đánh dấu hoàn thành việc được giao cho mình');
      if (row.status === 'OPEN')
        await m.query(`UPDATE review_action_item SET status = 'DONE', completed_at = now(), completed_by = $2 WHERE id = $1`, [id, actor.userId]);
      return row.meeting_id as string;
    });
    return (await this.actionItems([meetingId])).get(meetingId)!.find((a) => a.id === id)!;
  }

  // --- helpers ----------------------------------------------------------------------------------------------

  private async meeting(m: EntityManager, id: string, lock = false): Promise<ReviewMeetingView | null> {
    if (!isUuid(id)) return null;
    const [row] = await m.query(`SELECT ${MEETING_SELECT} FROM ${MEETING_FROM} WHERE m.id = $1 ${lock ? 'FOR UPDATE OF m' : ''}`, [id]);
    return row ?? null;
  }

  private async lockedForWrite(m: EntityManager, actor: Actor, id: string): Promise<ReviewMeetingView> {
    const meeting = await this.meeting(m, id, true);
    if (!meeting || !canSeeUnit(actor, meeting.orgUnitPath) || actor.role === Role.OFFICER || actor.role === Role.GRASSROOTS) {
      if (meeting && actor.role === Role.OFFICER && meeting.orgUnitId === actor.orgUnitId)
        throw forbidden('Chỉ lãnh đạo đơn vị lên lịch và ghi biên bản giao ban');
      throw notFound('reviewMeeting');
    }
    return meeting;
  }
}
