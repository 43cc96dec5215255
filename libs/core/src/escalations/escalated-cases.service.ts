import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseStage, IsoDate, Lateness, isOpenStage, latenessOf } from '@app/domain';
import { ReadDb } from '@app/persistence';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { FieldProblems } from '../common/field-problems';
import { overdueCaseSql } from '../common/open-stages.sql';
import { Page, checkFirst, decodeCursor, encodeCursor } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { CalendarService } from '../calendar/calendar.service';
import { CaseQueriesService } from '../cases/case-queries.service';
import { isUuid } from '../identity/account-errors';
import { EscalationSubject } from './escalation-raise.sql';
import { SUBJECT, sortKeySql, subjectsCte, visibleEscalationsSql } from './escalated-cases.sql';

/** One escalation of a grouped row, with who acknowledged it and when. */
export interface EscalationStepView {
  id: string;
  level: string;
  stage: string;
  stageEntry: number;
  raisedAt: Date;
  /** The caller's acknowledgment. */
  acknowledgedAt: Date | null;
  acknowledgements: { userId: string; at: Date }[];
}

/** A case (or direct application) with its escalations: one row of the escalations page. */
export interface EscalatedView {
  id: string;
  subject: EscalationSubject;
  /** The current escalation's level and stage: the caller's highest unacknowledged one of the latest stage entry. */
  level: string;
  stage: string;
  /** The due day of the stage it is late in; null once it left that stage. */
  dueOn: IsoDate | null;
  lateness: Lateness;
  assigneeId: string | null;
  orgUnitId: string;
  /** Nothing left for the caller to acknowledge. */
  acknowledged: boolean;
  /** Latest stage entry first, highest level first. */
  escalations: EscalationStepView[];
}

export interface EscalatedPage extends Page<EscalatedView> {
  /** CASE only: open cases in the caller's case scope past their due day, counted as the board counts them. */
  overdueCount: number | null;
}

export interface AcknowledgeSubjectsInput {
  caseIds?: readonly string[] | null;
  applicationIds?: readonly string[] | null;
}

/** At most this many cases and applications per acknowledgment (a page of the list is 200 at most). */
export const MAX_ACKNOWLEDGE = 200;
const FIELD: Record<EscalationSubject, 'caseIds' | 'applicationIds'> = { CASE: 'caseIds', APPLICATION: 'applicationIds' };

/** The escalations per case or application, and acknowledging them per row (docs/architecture.md#escalations-per-case). */
@Injectable()
export class EscalatedCasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly cases: CaseQueriesService,
    private readonly reads: ReadDb,
  ) {}

  /** The escalations board's list: it may lag a few seconds, so it reads through ReadDb (docs/architecture.md#read-replica). */
  list(actor: Actor, subject: EscalationSubject, open: boolean, first?: number | null, after?: string | null): Promise<EscalatedPage> {
    return this.reads.read(actor.userId, (db) => this.listOn(db, actor, subject, open, first, after));
  }

  private async listOn(
    db: DataSource,
    actor: Actor,
    subject: EscalationSubject,
    open: boolean,
    first?: number | null,
    after?: string | null,
  ): Promise<EscalatedPage> {
    const limit = checkFirst(first);
    const cursor = decodeCursor(after, 2);
    const p = new SqlParams();
    const cte = subjectsCte(actor, p, subject, open);
    const countParams = [...p.values];
    const key = sortKeySql(subject);
    const rows: { id: string; k: string }[] = await db.query(
      `WITH ${cte} SELECT s.id, ${key} AS k FROM subjects j JOIN ${SUBJECT[subject].table} s ON s.id = j.id
        ${cursor ? `WHERE (${key}, s.id) > (${p.add(cursor[0])}, ${p.add(cursor[1])}::uuid)` : ''}
        ORDER BY ${key}, s.id LIMIT ${limit + 1}`,
      p.values,
    );
    const [{ n }] = await db.query(`WITH ${cte} SELECT count(*)::int AS n FROM subjects`, countParams);
    const pageRows = rows.slice(0, limit);
    const views = await this.views(
      db,
      actor,
      subject,
      pageRows.map((r) => r.id),
    );
    const last = pageRows[pageRows.length - 1];
    return {
      nodes: views,
      totalCount: n,
      pageInfo: { endCursor: last ? encodeCursor([last.k, last.id]) : null, hasNextPage: rows.length > limit },
      overdueCount: subject === 'CASE' ? await this.overdueCount(actor, db) : null,
    };
  }

  /** The board's overdue count: the caller's cases (as `foundingCases` scopes them) past their due day. */
  async overdueCount(actor: Actor, db: DataSource = this.db): Promise<number> {
    const p = new SqlParams();
    const scope = this.cases.scopeSql(actor, p);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM founding_case c WHERE ${overdueCaseSql('c', p.add(this.calendar.today()))} ${scope ? `AND ${scope}` : ''}`,
      p.values,
    );
    return n;
  }

  /**
   * Acknowledges every escalation of the given cases and applications the caller sees and has not acknowledged yet: its own
   * notifications, and (supervisors, admins) a notification of its own for those of its scope addressed to others.
   * An id with no escalation in the caller's scope refuses the whole call (NOT_FOUND), changing nothing.
   */
  async acknowledge(actor: Actor, input: AcknowledgeSubjectsInput): Promise<{ acknowledged: number; cases: EscalatedView[]; applications: EscalatedView[] }> {
    const ids: Record<EscalationSubject, string[]> = { CASE: [...new Set(input.caseIds ?? [])], APPLICATION: [...new Set(input.applicationIds ?? [])] };
    const problems = new FieldProblems();
    if (!ids.CASE.length && !ids.APPLICATION.length) problems.add('caseIds', 'Chọn ít nhất một hồ sơ (hoặc đơn) để xác nhận.');
    for (const s of ['CASE', 'APPLICATION'] as const) {
      if (ids[s].length > MAX_ACKNOWLEDGE) problems.add(FIELD[s], `Mỗi lần chỉ xác nhận được tối đa ${MAX_ACKNOWLEDGE} mục.`);
      // A list element that is no id at all is the client's mistake, not a record out of scope.
      if (ids[s].some((id) => !isUuid(id))) problems.add(FIELD[s], 'Danh sách có mã không hợp lệ.');
    }
    problems.throwIfAny();
    return this.db.transaction(async (m) => {
      const missing: Partial<Record<string, string>> = {};
      for (const s of ['CASE', 'APPLICATION'] as const) {
        if (!ids[s].length) continue;
        const p = new SqlParams();
        const found: { id: string }[] = await m.query(`WITH ${subjectsCte(actor, p, s, false, ids[s])} SELECT id FROM subjects`, p.values);
        const unknown = ids[s].length - found.length;
        if (unknown > 0) {
          missing[FIELD[s]] =
            s === 'CASE'
              ? `Không tìm thấy cảnh báo của ${unknown} hồ sơ đã chọn trong phạm vi của bạn.`
              : `Không tìm thấy cảnh báo của ${unknown} đơn đã chọn trong phạm vi của bạn.`;
        }
      }
      if (Object.keys(missing).length) {
        throw new AppError(ErrorCode.NOT_FOUND, Object.values(missing).join(' '), { fields: Object.keys(missing), messages: missing });
      }
      let acknowledged = 0;
      for (const s of ['CASE', 'APPLICATION'] as const) {
        if (!ids[s].length) continue;
        const p = new SqlParams();
        const rows = await m.query(
          `INSERT INTO notification (escalation_id, user_id, acknowledged_at)
           SELECT x.id, ${p.add(actor.userId)}, now() FROM ${visibleEscalationsSql(actor, p, s)}
              AND x.${SUBJECT[s].column} = ANY(${p.add(ids[s])}::uuid[]) AND mine.acknowledged_at IS NULL
           ON CONFLICT (escalation_id, user_id) DO UPDATE SET acknowledged_at = coalesce(notification.acknowledged_at, excluded.acknowledged_at)
           RETURNING id`,
          p.values,
        );
        acknowledged += rows.length;
      }
      return { acknowledged, cases: await this.views(m, actor, 'CASE', ids.CASE), applications: await this.views(m, actor, 'APPLICATION', ids.APPLICATION) };
    });
  }

  /** The rows of the given subjects, in the given order. */
  private async views(m: EntityManager | DataSource, actor: Actor, subject: EscalationSubject, ids: string[]): Promise<EscalatedView[]> {
    if (!ids.length) return [];
    const p = new SqlParams();
    const steps: (Omit<EscalationStepView, 'acknowledgements'> & { subjectId: string })[] = await m.query(
      `SELECT x.id, x.${SUBJECT[subject].column} AS "subjectId", x.level, x.stage, x.stage_entry AS "stageEntry", x.raised_at AS "raisedAt",
              mine.acknowledged_at AS "acknowledgedAt"
         FROM ${visibleEscalationsSql(actor, p, subject)} AND x.${SUBJECT[subject].column} = ANY(${p.add(ids)}::uuid[])
        ORDER BY x.stage_entry DESC, CASE x.level WHEN 'CRITICAL' THEN 3 WHEN 'BREACH' THEN 2 ELSE 1 END DESC, x.raised_at DESC`,
      p.values,
    );
    const acks: { escalationId: string; userId: string; at: Date }[] = await m.query(
      `SELECT escalation_id AS "escalationId", user_id AS "userId", acknowledged_at AS at FROM notification
        WHERE escalation_id = ANY($1::uuid[]) AND acknowledged_at IS NOT NULL ORDER BY acknowledged_at, user_id`,
      [steps.map((x) => x.id)],
    );
    const subjects: Subject[] =
      subject === 'CASE'
        ? await m.query(
            `SELECT id, stage, stage_entry AS "stageEntry", warning_on AS "warningOn", stage_due_on AS "dueOn", critical_on AS "criticalOn",
                    assignee_id AS "assigneeId", org_unit_id AS "orgUnitId", true AS open FROM founding_case WHERE id = ANY($1::uuid[])`,
            [ids],
          )
        : await m.query(
            `SELECT id, 'APPLICATION' AS stage, 1 AS "stageEntry", NULL AS "warningOn", due_on AS "dueOn", NULL AS "criticalOn",
                    NULL AS "assigneeId", deciding_unit_id AS "orgUnitId", status = 'SUBMITTED' AS open FROM membership_application WHERE id = ANY($1::uuid[])`,
            [ids],
          );
    const cal = await this.calendar.calendar();
    const today = this.calendar.today();
    const byId = new Map(subjects.map((s) => [s.id, s]));
    return ids
      .filter((id) => byId.has(id) && steps.some((x) => x.subjectId === id))
      .map((id) => {
        const s = byId.get(id)!;
        const own = steps
          .filter((x) => x.subjectId === id)
          .map(({ subjectId: _, ...x }) => ({ ...x, acknowledgements: acks.filter((a) => a.escalationId === x.id).map(({ userId, at }) => ({ userId, at })) }));
        const current = own.find((x) => x.acknowledgedAt === null) ?? own[0];
        const waiting = subject === 'CASE' ? current.stageEntry === s.stageEntry && current.stage === s.stage && isOpenStage(s.stage as CaseStage) : s.open;
        return {
          id,
          subject,
          level: current.level,
          stage: current.stage,
          dueOn: waiting ? s.dueOn : null,
          lateness: latenessOf(cal, s, today, waiting, subject),
          assigneeId: s.assigneeId,
          orgUnitId: s.orgUnitId,
          acknowledged: own.every((x) => x.acknowledgedAt !== null),
          escalations: own,
        };
      });
  }
}

interface Subject {
  id: string;
  stage: string;
  stageEntry: number;
  warningOn: IsoDate | null;
  dueOn: IsoDate | null;
  criticalOn: IsoDate | null;
  assigneeId: string | null;
  orgUnitId: string;
  open: boolean;
}
