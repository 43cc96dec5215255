import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import {
  CaseStage,
  IsoDate,
  NOT_ALLOWED_LABEL_VI,
  NotAllowedCode,
  OpenStage,
  TransitionPlan,
  isOpenStage,
  requirementsPhraseVi,
  stageDeadlines,
  stagePhraseVi,
  vnDateOf,
} from '@app/domain';
import { FoundingCaseEntity } from '@app/persistence';
import { JobName } from '@app/queue';
import { Actor, canActOnCase } from '../common/actor';
import { AppError, ErrorCode, badInput, conflict, notFound } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { isUniqueViolation } from '../common/pg-errors';
import { SqlTarget, connectionOf, poolOf, preparedSql, runSql } from '../common/prepared-sql';
import { CalendarService } from '../calendar/calendar.service';
import { writeOutbox } from '../outbox/outbox.writer';
import { CaseRef } from './case-inputs';
import { CaseRow, LOAD_CASE_SQL, caseEntityFromRaw, caseRowFromRaw } from './case-row';
import { EvidenceKind, caseWriteSql } from './case-write';

const LOAD_CASE = preparedSql(LOAD_CASE_SQL);

/** What one write does to a case; `apply()` writes it atomically (one statement, or one transaction with `before`, `after` and the outbox row). */
export interface CaseChange {
  action: string;
  toStage: CaseStage;
  comment: string | null;
  set?: Record<string, unknown>;
  evidence?: { kind: EvidenceKind; occurredOn: IsoDate; details: Record<string, unknown> };
  /**
   * Checks in the write's transaction, before the version-checked update: they may lock the rows they read
   * (e.g. the assignee FOR SHARE) so that what they checked holds until the write commits.
   */
  before?: (m: EntityManager) => Promise<void>;
  /** Extra writes in the same transaction, after the version-checked update. */
  after?: (m: EntityManager, updated: FoundingCaseEntity) => Promise<void>;
}

/** The change a write makes, planned on the case as loaded (its guards throw to refuse). */
export type CasePlan = (row: CaseRow, m: EntityManager) => CaseChange | Promise<CaseChange>;

/**
 * The one write path of a change to an existing founding case: the load, scope and version check, the plan, then
 * the version-checked UPDATE (exactly one row or CONFLICT) with its evidence and history row in one statement, and
 * in the same transaction any further writes (the outbox row of a stage change, `after`).
 */
@Injectable()
export class CaseChanges {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  private get pool(): Pool {
    return poolOf(this.db);
  }

  async apply(actor: Actor, ref: CaseRef, plan: CasePlan): Promise<FoundingCaseEntity> {
    const { caseId, expectedVersion } = ref;
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1) throw badInput({ expectedVersion: RULE.atLeast('expectedVersion', 1) });
    try {
      // The load needs no transaction: under READ COMMITTED a transaction's statements each see their
      // own snapshot anyway, and the version-checked UPDATE refuses a case changed since this read.
      const [raw] = await runSql(this.pool, LOAD_CASE, [caseId]);
      if (!raw) throw notFound('foundingCase');
      const row = caseRowFromRaw(raw);
      if (!canActOnCase(actor, row.entity, row.orgPath)) throw notFound('foundingCase');
      if (row.entity.version !== expectedVersion) throw staleVersion(row.entity.version);
      const change = await plan(row, this.db.manager);
      const { stmt, values } = caseWriteSql({
        caseId,
        expectedVersion,
        fromStage: row.facts.stage,
        byUserId: actor.userId,
        action: change.action,
        comment: change.comment,
        set: { ...(change.set ?? {}), stage: change.toStage },
        evidence: change.evidence,
      });
      const write = async (target: SqlTarget) => {
        const [updated] = await runSql(target, stmt, values);
        if (!updated) throw staleVersion(null);
        return caseEntityFromRaw(updated);
      };
      const moved = change.toStage !== row.facts.stage;
      // Update, evidence and history are one statement: a transaction only when more writes follow it.
      if (!change.before && !change.after && !moved) return await write(this.pool);
      return await this.db.transaction(async (m) => {
        if (change.before) await change.before(m);
        const updated = await write(await connectionOf(m));
        if (change.after) await change.after(m, updated);
        if (moved) await writeOutbox(m, JobName.CASE_STAGE_CHANGED, { caseId, version: updated.version });
        return updated;
      });
    } catch (e) {
      // A reopen that would make a second open case for the enterprise.
      if (isUniqueViolation(e, 'UQ_founding_case_open_per_enterprise')) {
        throw conflict('Doanh nghiệp đã có một hồ sơ thành lập CĐCS khác đang xử lý', { reason: 'OPEN_CASE_EXISTS' });
      }
      throw e;
    }
  }

  /** A move the domain planned (`plan`): refused with its reasons, or the change to its stage with a fresh stage entry and `set`. */
  async transition(row: CaseRow, action: string, comment: string | null, plan: TransitionPlan, set: Record<string, unknown> = {}): Promise<CaseChange> {
    const to = accepted(plan);
    return { action, toStage: to, comment, set: { ...(await this.stageEntry(row, to)), ...set } };
  }

  /** Columns for entering a stage: clock restarts, deadlines from the working-day calendar. */
  private async stageEntry(row: CaseRow, to: CaseStage): Promise<Record<string, unknown>> {
    const now = this.calendar.now();
    const d = isOpenStage(to) ? await this.deadlines(to, vnDateOf(now), row.entity.dossierCompletedOn) : null;
    return {
      stage_entered_at: now,
      stage_entry: row.entity.stageEntry + 1,
      stage_due_on: d?.dueOn ?? null,
      warning_on: d?.warningOn ?? null,
      critical_on: d?.criticalOn ?? null,
    };
  }

  async deadlines(stage: OpenStage, enteredOn: IsoDate, dossierCompletedOn: IsoDate | null) {
    return stageDeadlines(await this.calendar.calendar(), stage, enteredOn, this.calendar.sla, dossierCompletedOn);
  }
}

function accepted(plan: TransitionPlan): CaseStage {
  if (plan.ok) return plan.to;
  if ('unmet' in plan) {
    throw new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, `Chưa chuyển được hồ sơ khỏi ${stagePhraseVi(plan.from)}: ${requirementsPhraseVi(plan.unmet)}`, {
      unmet: plan.unmet,
      stage: plan.from,
    });
  }
  throw new AppError(
    ErrorCode.TRANSITION_NOT_ALLOWED,
    `Không thực hiện được ở ${stagePhraseVi(plan.from)}: ${NOT_ALLOWED_LABEL_VI[plan.notAllowed as NotAllowedCode] ?? plan.notAllowed}`,
    {
      unmet: [],
      stage: plan.from,
      reason: plan.notAllowed,
    },
  );
}

/** Refuses a write the case's current stage does not take (`needed`: the stage it takes, or OPEN for any open stage). */
export function stageRefusal(row: CaseRow, needed: CaseStage | 'OPEN'): AppError {
  return new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, stageRefusalText(row.facts.stage, needed), {
    unmet: [],
    stage: row.facts.stage,
    reason: 'WRONG_STAGE',
  });
}

/** What a write on a stale `expectedVersion` answers: shown to the user as it is (the dashboard offers to reload). */
export const STALE_CASE_MESSAGE = 'Hồ sơ vừa được người khác cập nhật — hãy tải lại trang để xem thay đổi mới nhất';

function staleVersion(current: number | null): AppError {
  return conflict(STALE_CASE_MESSAGE, { reason: 'STALE_VERSION', ...(current === null ? {} : { currentVersion: current }) });
}

/** "Hồ sơ đang ở giai đoạn “Khảo sát”; thao tác này chỉ làm được ở giai đoạn “Tuyên truyền, vận động”". */
export function stageRefusalText(stage: CaseStage, needed: CaseStage | 'OPEN' | 'BEFORE_DECISION'): string {
  const where =
    needed === 'OPEN'
      ? 'khi hồ sơ đang xử lý'
      : needed === 'BEFORE_DECISION'
        ? `trước ${stagePhraseVi(CaseStage.RECOGNITION_DECISION)}`
        : `ở ${stagePhraseVi(needed)}`;
  return `Hồ sơ đang ở ${stagePhraseVi(stage)}; thao tác này chỉ làm được ${where}`;
}
