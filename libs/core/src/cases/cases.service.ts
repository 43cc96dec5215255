import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  CaseRules, CaseStage, IsoDate, OpenStage, TransitionPlan, isIsoDate, isOpenStage, planAdvance, planClose, planReopen,
  stageDeadlines, vnDateOf,
} from '@app/domain';
import { FoundingCaseEntity } from '@app/persistence';
import { JobName } from '@app/queue';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { AppError, ErrorCode, badInput, conflict, notFound } from '../common/app-error';
import { isUniqueViolation } from '../common/pg-errors';
import { CalendarService } from '../calendar/calendar.service';
import { writeOutbox } from '../outbox/outbox.writer';
import { SqlTarget, connectionOf, poolOf, preparedSql, runSql } from '../common/prepared-sql';
import { CaseRow, LOAD_CASE_SQL, caseEntityFromRaw, caseRowFromRaw } from './case-row';
import { EvidenceKind, caseWriteSql } from './case-write';
import {
  AdvanceCase, AssignCase, CloseCase, FormCommittee, OpenCase, RecordCongress, RecordDecision, RecordOutreach, RecordSurvey, ReopenCase,
} from './case-inputs';

const LOAD_CASE = preparedSql(LOAD_CASE_SQL);

/** What one write does to a case; `change()` applies it atomically (one statement, or one transaction with `after` and the outbox row). */
interface CaseChange {
  action: string;
  toStage: CaseStage;
  comment: string | null;
  set?: Record<string, unknown>;
  evidence?: { kind: EvidenceKind; occurredOn: IsoDate; details: Record<string, unknown> };
  /** Extra writes in the same transaction, after the version-checked update. */
  after?: (m: EntityManager, updated: FoundingCaseEntity) => Promise<void>;
}

const EVIDENCE_STAGE: Record<EvidenceKind, CaseStage> = {
  SURVEY: CaseStage.SURVEY,
  OUTREACH: CaseStage.OUTREACH,
  COMMITTEE: CaseStage.GUIDANCE,
  CONGRESS: CaseStage.FOUNDING_CEREMONY,
  DECISION: CaseStage.RECOGNITION_DECISION,
};

const MAX_TEXT = 2000;
const MAX_NAME = 255;

/**
 * The one write path of founding cases: API mutations and worker jobs both call these methods.
 * Each is one atomic write after the load, scope and guards: the version-checked UPDATE (exactly one
 * row or CONFLICT) with its evidence and history row in one statement, and in the same transaction
 * any further writes (the outbox row of a stage change, the founding of a CĐCS).
 */
@Injectable()
export class CasesService {
  private readonly rules: CaseRules;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = { minApplications: config.minFoundingApplications };
  }

  private get pool(): Pool {
    return poolOf(this.db);
  }

  /** Officers act on the cases assigned to them; supervisors in their subtree; admins everywhere. */
  static canActOn(actor: Actor, c: { assigneeId: string | null }, orgPath: string): boolean {
    if (actor.role === Role.ADMIN) return true;
    if (actor.role === Role.OFFICER) return c.assigneeId === actor.userId;
    return canSeeUnit(actor, orgPath);
  }

  async open(actor: Actor, input: OpenCase): Promise<FoundingCaseEntity> {
    return this.db.transaction(async (m) => {
      const [ent] = await m.query(
        `SELECT e.id, e.org_unit_id, e.has_union, o.path FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id WHERE e.id = $1`,
        [input.enterpriseId],
      );
      if (!ent || !canSeeUnit(actor, ent.path)) throw notFound('Enterprise');
      if (input.assigneeId) await this.assertAssignable(m, actor, input.assigneeId);
      const now = this.calendar.now();
      const d = await this.deadlines(CaseStage.SURVEY, vnDateOf(now), null);
      try {
        const [raw] = await m.query(
          `INSERT INTO founding_case (enterprise_id, org_unit_id, assignee_id, stage, version, stage_entered_at, stage_entry,
             stage_due_on, opened_due_on, warning_on, critical_on, opened_by, opened_at)
           VALUES ($1, $2, $3, 'SURVEY', 1, $4, 1, $5, $5, $6, $7, $8, $4) RETURNING *`,
          [ent.id, ent.org_unit_id, input.assigneeId ?? null, now, d.dueOn, d.warningOn, d.criticalOn, actor.userId],
        );
        const opened = caseEntityFromRaw(raw);
        await writeOutbox(m, JobName.CASE_STAGE_CHANGED, { caseId: opened.id, version: opened.version });
        return opened;
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('The enterprise already has an open founding case', { fields: ['enterpriseId'] });
        throw e;
      }
    });
  }

  async assign(actor: Actor, input: AssignCase): Promise<FoundingCaseEntity> {
    return this.change(actor, input.caseId, input.expectedVersion, async (row, m) => {
      if (!isOpenStage(row.facts.stage)) throw this.stageRefusal(row, 'an open stage');
      await this.assertAssignable(m, actor, input.assigneeId);
      return {
        action: 'ASSIGN',
        toStage: row.facts.stage,
        comment: optionalText('reason', input.reason),
        set: { assignee_id: input.assigneeId },
      };
    });
  }

  async recordSurvey(actor: Actor, input: RecordSurvey): Promise<FoundingCaseEntity> {
    const today = this.calendar.today();
    const problems: Record<string, string> = {};
    checkPastDate(problems, 'surveyedOn', input.surveyedOn, today);
    checkCount(problems, 'workerCount', input.workerCount);
    const contactName = optionalText('contactName', input.contactName, MAX_NAME);
    const note = optionalText('note', input.note);
    if (Object.keys(problems).length) throw badInput(problems);
    return this.change(actor, input.caseId, input.expectedVersion, async (row) => {
      this.requireStage(row, 'SURVEY');
      return {
        action: 'RECORD_SURVEY',
        toStage: row.facts.stage,
        comment: note,
        evidence: { kind: 'SURVEY', occurredOn: input.surveyedOn, details: { workerCount: input.workerCount, hasUnion: input.hasUnion, contactName } },
        // The survey is the register's source for workforce and union status.
        after: async (m, c) => {
          await m.query(`UPDATE enterprise SET worker_count = $2, has_union = $3, surveyed_on = $4, updated_at = now() WHERE id = $1`, [
            c.enterpriseId, input.workerCount, input.hasUnion, input.surveyedOn,
          ]);
        },
      };
    });
  }

  async recordOutreach(actor: Actor, input: RecordOutreach): Promise<FoundingCaseEntity> {
    const problems: Record<string, string> = {};
    checkPastDate(problems, 'heldOn', input.heldOn, this.calendar.today());
    checkCount(problems, 'workersReached', input.workersReached);
    checkCount(problems, 'workersInterested', input.workersInterested);
    if (!problems.workersInterested && input.workersInterested > input.workersReached) problems.workersInterested = 'cannot exceed workersReached';
    const note = optionalText('note', input.note);
    if (Object.keys(problems).length) throw badInput(problems);
    return this.change(actor, input.caseId, input.expectedVersion, async (row) => {
      this.requireStage(row, 'OUTREACH');
      return {
        action: 'RECORD_OUTREACH',
        toStage: row.facts.stage,
        comment: note,
        evidence: { kind: 'OUTREACH', occurredOn: input.heldOn, details: { workersReached: input.workersReached, workersInterested: input.workersInterested } },
      };
    });
  }

  async formCommittee(actor: Actor, input: FormCommittee): Promise<FoundingCaseEntity> {
    const problems: Record<string, string> = {};
    checkPastDate(problems, 'formedOn', input.formedOn, this.calendar.today());
    const memberNames = names(problems, 'memberNames', input.memberNames, 1, 50);
    if (Object.keys(problems).length) throw badInput(problems);
    return this.change(actor, input.caseId, input.expectedVersion, async (row) => {
      this.requireStage(row, 'COMMITTEE');
      return {
        action: 'FORM_COMMITTEE',
        toStage: row.facts.stage,
        comment: null,
        evidence: { kind: 'COMMITTEE', occurredOn: input.formedOn, details: { memberNames } },
      };
    });
  }

  async recordCongress(actor: Actor, input: RecordCongress): Promise<FoundingCaseEntity> {
    const today = this.calendar.today();
    const problems: Record<string, string> = {};
    checkPastDate(problems, 'heldOn', input.heldOn, today);
    checkPastDate(problems, 'dossierCompletedOn', input.dossierCompletedOn, today);
    if (!problems.heldOn && !problems.dossierCompletedOn && input.dossierCompletedOn < input.heldOn) {
      problems.dossierCompletedOn = 'cannot be before the congress (heldOn)';
    }
    if (!Number.isInteger(input.attendees) || input.attendees < 1 || input.attendees > 1_000_000) problems.attendees = 'must be between 1 and 1000000';
    const committee = names(problems, 'executiveCommittee', input.executiveCommittee, 1, 50);
    const chairName = requiredText(problems, 'chairName', input.chairName, MAX_NAME);
    if (!problems.executiveCommittee && chairName && !committee.includes(chairName)) {
      problems.chairName = 'must be one of the executiveCommittee';
    }
    if (Object.keys(problems).length) throw badInput(problems);
    return this.change(actor, input.caseId, input.expectedVersion, async (row) => {
      this.requireStage(row, 'CONGRESS');
      return {
        action: 'RECORD_CONGRESS',
        toStage: row.facts.stage,
        comment: null,
        set: { dossier_completed_on: input.dossierCompletedOn },
        evidence: {
          kind: 'CONGRESS',
          occurredOn: input.heldOn,
          details: { attendees: input.attendees, executiveCommittee: committee, chairName, dossierCompletedOn: input.dossierCompletedOn },
        },
      };
    });
  }

  async recordDecision(actor: Actor, input: RecordDecision): Promise<FoundingCaseEntity> {
    const problems: Record<string, string> = {};
    checkPastDate(problems, 'decidedOn', input.decidedOn, this.calendar.today());
    const decisionNumber = requiredText(problems, 'decisionNumber', input.decisionNumber, 100);
    const signedBy = requiredText(problems, 'signedBy', input.signedBy, MAX_NAME);
    const unionName = requiredText(problems, 'grassrootsUnionName', input.grassrootsUnionName, MAX_NAME);
    if (Object.keys(problems).length) throw badInput(problems);
    return this.change(actor, input.caseId, input.expectedVersion, async (row) => {
      this.requireStage(row, 'DECISION');
      if (row.entity.dossierCompletedOn && input.decidedOn < row.entity.dossierCompletedOn) {
        throw badInput({ decidedOn: `cannot be before the completed dossier (${row.entity.dossierCompletedOn})` });
      }
      return {
        action: 'RECORD_DECISION',
        toStage: row.facts.stage,
        comment: null,
        set: { decision_number: decisionNumber, decided_on: input.decidedOn },
        evidence: { kind: 'DECISION', occurredOn: input.decidedOn, details: { decisionNumber, signedBy, grassrootsUnionName: unionName } },
      };
    });
  }

  async advance(actor: Actor, input: AdvanceCase): Promise<FoundingCaseEntity> {
    const comment = optionalText('comment', input.comment);
    return this.change(actor, input.caseId, input.expectedVersion, async (row, m) => {
      const plan = planAdvance(row.facts, this.rules);
      const to = this.accepted(plan);
      const change: CaseChange = { action: 'ADVANCE', toStage: to, comment, set: await this.stageEntry(row, to) };
      if (to === CaseStage.RECOGNIZED) change.after = (mm, c) => this.found(mm, c, row, actor);
      return change;
    });
  }

  async close(actor: Actor, input: CloseCase): Promise<FoundingCaseEntity> {
    const problems: Record<string, string> = {};
    const comment = requiredText(problems, 'comment', input.comment, MAX_TEXT);
    if (Object.keys(problems).length) throw badInput(problems);
    return this.change(actor, input.caseId, input.expectedVersion, async (row) => {
      const to = this.accepted(planClose(row.facts));
      return {
        action: 'CLOSE',
        toStage: to,
        comment,
        set: { ...(await this.stageEntry(row, to)), closed_from_stage: row.facts.stage, closed_reason: input.reason },
      };
    });
  }

  async reopen(actor: Actor, input: ReopenCase): Promise<FoundingCaseEntity> {
    const problems: Record<string, string> = {};
    const comment = requiredText(problems, 'comment', input.comment, MAX_TEXT);
    if (Object.keys(problems).length) throw badInput(problems);
    return this.change(actor, input.caseId, input.expectedVersion, async (row) => {
      const to = this.accepted(planReopen(row.facts));
      return {
        action: 'REOPEN',
        toStage: to,
        comment,
        set: { ...(await this.stageEntry(row, to)), closed_from_stage: null, closed_reason: null },
      };
    });
  }

  // ---------------------------------------------------------------------------------------------

  private async change(
    actor: Actor,
    caseId: string,
    expectedVersion: number,
    plan: (row: CaseRow, m: EntityManager) => Promise<CaseChange>,
  ): Promise<FoundingCaseEntity> {
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1) throw badInput({ expectedVersion: 'must be a positive whole number' });
    try {
      // The load needs no transaction: under READ COMMITTED a transaction's statements each see their
      // own snapshot anyway, and the version-checked UPDATE refuses a case changed since this read.
      const [raw] = await runSql(this.pool, LOAD_CASE, [caseId]);
      if (!raw) throw notFound('Founding case');
      const row = caseRowFromRaw(raw);
      if (!CasesService.canActOn(actor, row.entity, row.orgPath)) throw notFound('Founding case');
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
      if (!change.after && !moved) return await write(this.pool);
      return await this.db.transaction(async (m) => {
        const updated = await write(await connectionOf(m));
        if (change.after) await change.after(m, updated);
        if (moved) await writeOutbox(m, JobName.CASE_STAGE_CHANGED, { caseId, version: updated.version });
        return updated;
      });
    } catch (e) {
      // A reopen that would make a second open case for the enterprise.
      if (isUniqueViolation(e, 'UQ_founding_case_open_per_enterprise')) {
        throw conflict('The enterprise already has another open founding case');
      }
      throw e;
    }
  }

  private accepted(plan: TransitionPlan): CaseStage {
    if (plan.ok) return plan.to;
    if ('unmet' in plan) {
      throw new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, `Exit requirements of ${plan.from} are unmet: ${plan.unmet.join(', ')}`, {
        unmet: plan.unmet,
        stage: plan.from,
      });
    }
    throw new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, `Not allowed from ${plan.from} (${plan.notAllowed})`, {
      unmet: [],
      stage: plan.from,
      reason: plan.notAllowed,
    });
  }

  private requireStage(row: CaseRow, kind: EvidenceKind): void {
    if (row.facts.stage !== EVIDENCE_STAGE[kind]) throw this.stageRefusal(row, EVIDENCE_STAGE[kind]);
  }

  private stageRefusal(row: CaseRow, needed: string): AppError {
    return new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, `The case is in ${row.facts.stage}; this needs ${needed}`, {
      unmet: [],
      stage: row.facts.stage,
      reason: 'WRONG_STAGE',
    });
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

  private async deadlines(stage: OpenStage, enteredOn: IsoDate, dossierCompletedOn: IsoDate | null) {
    return stageDeadlines(await this.calendar.calendar(), stage, enteredOn, this.calendar.sla, dossierCompletedOn);
  }

  /** RECOGNIZED: the CĐCS is created, the founding applicants admitted, the enterprise has a union. */
  private async found(m: EntityManager, c: FoundingCaseEntity, row: CaseRow, actor: Actor): Promise<void> {
    const [decision] = await m.query(
      `SELECT details, occurred_on FROM case_evidence WHERE case_id = $1 AND kind = 'DECISION' ORDER BY id DESC LIMIT 1`,
      [c.id],
    );
    const unionName: string = decision.details.grassrootsUnionName;
    const decidedOn: string = c.decidedOn!;
    const [unit] = await m.query(
      `WITH id AS (SELECT gen_random_uuid() AS id)
       INSERT INTO org_unit (id, name, kind, parent_id, path)
       SELECT id.id, $1, 'GRASSROOTS', $2, $3 || '.' || id.id FROM id RETURNING id`,
      [unionName, c.orgUnitId, row.orgPath],
    );
    await m.query(
      `UPDATE membership_application SET status = 'ADMITTED', decided_on = $2, decision_number = $3, decided_by = $4
       WHERE case_id = $1 AND status = 'SUBMITTED'`,
      [c.id, decidedOn, c.decisionNumber, actor.userId],
    );
    await m.query(
      `INSERT INTO member (grassroots_union_id, application_id, case_id, full_name, personal_id, birth_year, gender, admitted_on, decision_number)
       SELECT $2, a.id, a.case_id, a.full_name, a.personal_id, a.birth_year, a.gender, $3, $4
       FROM membership_application a WHERE a.case_id = $1 AND a.status = 'ADMITTED'
       ON CONFLICT (application_id) DO NOTHING`,
      [c.id, unit.id, decidedOn, c.decisionNumber],
    );
    await m.query(`UPDATE enterprise SET has_union = true, updated_at = now() WHERE id = $1`, [c.enterpriseId]);
    await m.query(`UPDATE founding_case SET grassroots_union_id = $2, recognized_on = $3 WHERE id = $1`, [c.id, unit.id, decidedOn]);
    c.grassrootsUnionId = unit.id;
    c.recognizedOn = decidedOn;
  }

  private async assertAssignable(m: EntityManager, actor: Actor, userId: string): Promise<void> {
    const [u] = await m.query(
      `SELECT u.role, u.active, o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1`,
      [userId],
    );
    if (!u || !canSeeUnit(actor, u.path)) throw badInput({ assigneeId: 'is not a user in your scope' });
    if (!u.active || (u.role !== Role.OFFICER && u.role !== Role.SUPERVISOR)) {
      throw badInput({ assigneeId: 'must be an active officer or supervisor' });
    }
  }
}

function staleVersion(current: number | null): AppError {
  return conflict('The case was changed by someone else; reload it and try again', current === null ? {} : { currentVersion: current });
}

function checkPastDate(problems: Record<string, string>, field: string, value: string, today: IsoDate): void {
  if (!isIsoDate(value)) problems[field] = 'must be a date YYYY-MM-DD';
  else if (value > today) problems[field] = 'cannot be in the future';
  else if (value < '2000-01-01') problems[field] = 'is too far in the past';
}

function checkCount(problems: Record<string, string>, field: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 1_000_000) problems[field] = 'must be a whole number between 0 and 1000000';
}

export function optionalText(field: string, value: string | null | undefined, max = MAX_TEXT): string | null {
  if (value === null || value === undefined) return null;
  const v = value.normalize('NFC').trim();
  if (v.length > max) throw badInput({ [field]: `must have at most ${max} characters` });
  return v || null;
}

export function requiredText(problems: Record<string, string>, field: string, value: string, max: number): string {
  const v = (value ?? '').normalize('NFC').trim();
  if (!v) problems[field] = 'must not be empty';
  else if (v.length > max) problems[field] = `must have at most ${max} characters`;
  return v;
}

function names(problems: Record<string, string>, field: string, values: string[], min: number, max: number): string[] {
  const v = (values ?? []).map((n) => n.normalize('NFC').trim());
  if (v.length < min) problems[field] = `must name at least ${min}`;
  else if (v.length > max) problems[field] = `must name at most ${max}`;
  else if (v.some((n) => !n || n.length > MAX_NAME)) problems[field] = `names must be 1–${MAX_NAME} characters`;
  return v;
}
