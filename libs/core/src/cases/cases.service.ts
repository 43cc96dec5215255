import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { CaseRules, CaseStage, isOpenStage, planAdvance, planClose, planReopen, vnDateOf } from '@app/domain';
import { FoundingCaseEntity } from '@app/persistence';
import { JobName } from '@app/queue';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { badInput, conflict, notFound } from '../common/app-error';
import { isUniqueViolation } from '../common/pg-errors';
import { MAX_TEXT, optionalText, requiredText } from '../common/text-input';
import { CalendarService } from '../calendar/calendar.service';
import { enterpriseClosedForCases } from '../enterprises/enterprise-input';
import { writeOutbox } from '../outbox/outbox.writer';
import { caseEntityFromRaw } from './case-row';
import { CaseChanges, stageRefusal } from './case-change.service';
import { committeePlan, congressPlan, decisionPlan, outreachPlan, surveyPlan } from './case-evidence';
import { foundGrassrootsUnion } from './case-founding';
import { areaOfficersOf } from '../plan/area-holder.sql';

const OPEN_CASE_EXISTS = 'Doanh nghiệp đã có hồ sơ thành lập CĐCS đang xử lý';
import {
  AdvanceCase,
  AssignCase,
  CloseCase,
  FormCommittee,
  OpenCase,
  RecordCongress,
  RecordDecision,
  RecordOutreach,
  RecordSurvey,
  ReopenCase,
} from './case-inputs';

/**
 * Founding cases' writes: API mutations and worker jobs both call these methods. Opening inserts the case; every
 * later change (assignment, evidence, stage moves) goes through CaseChanges.apply, the one version-checked write path.
 * See docs/architecture.md#the-write-path.
 */
@Injectable()
export class CasesService {
  private readonly rules: CaseRules;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly changes: CaseChanges,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = { minApplications: config.minFoundingApplications };
  }

  async open(actor: Actor, input: OpenCase): Promise<FoundingCaseEntity> {
    return this.db.transaction(async (m) => {
      // FOR SHARE: a concurrent closeEnterprise (which locks the row before looking for open cases) waits for this
      // opening, or this opening sees its closing day.
      const [ent] = await m.query(
        `SELECT e.id, e.org_unit_id, e.has_union, e.closed_on, o.path FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id WHERE e.id = $1 FOR SHARE OF e`,
        [input.enterpriseId],
      );
      if (!ent || !canSeeUnit(actor, ent.path)) throw notFound('enterprise');
      if (ent.closed_on) throw enterpriseClosedForCases(ent.closed_on, 'enterpriseId');
      if (input.assigneeId) await this.assertAssignable(m, actor, input.assigneeId, true);
      // No assignee given: the officer whose area holds the enterprise (docs/architecture.md#plan-areas-and-budget).
      const assigneeId = input.assigneeId || (await this.areaAssignee(m, actor, ent.id));
      const now = this.calendar.now();
      const d = await this.changes.deadlines(CaseStage.SURVEY, vnDateOf(now), null);
      try {
        const [raw] = await m.query(
          `INSERT INTO founding_case (enterprise_id, org_unit_id, assignee_id, stage, version, stage_entered_at, stage_entry,
             stage_due_on, opened_due_on, warning_on, critical_on, opened_by, opened_at)
           VALUES ($1, $2, $3, 'SURVEY', 1, $4, 1, $5, $5, $6, $7, $8, $4) RETURNING *`,
          [ent.id, ent.org_unit_id, assigneeId ?? null, now, d.dueOn, d.warningOn, d.criticalOn, actor.userId],
        );
        const opened = caseEntityFromRaw(raw);
        await writeOutbox(m, JobName.CASE_STAGE_CHANGED, { caseId: opened.id, version: opened.version });
        return opened;
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict(OPEN_CASE_EXISTS, { fields: ['enterpriseId'], messages: { enterpriseId: OPEN_CASE_EXISTS } });
        throw e;
      }
    });
  }

  async assign(actor: Actor, input: AssignCase): Promise<FoundingCaseEntity> {
    return this.changes.apply(actor, input, async (row, m) => {
      if (!isOpenStage(row.facts.stage)) throw stageRefusal(row, 'OPEN');
      await this.assertAssignable(m, actor, input.assigneeId);
      return {
        action: 'ASSIGN',
        toStage: row.facts.stage,
        comment: optionalText('reason', input.reason),
        set: { assignee_id: input.assigneeId },
        // Again in the write's transaction, the assignee locked: a deactivation (which locks the account FOR UPDATE,
        // then unassigns its open cases) either waits for this write and unassigns the case, or this sees it inactive.
        before: (tx) => this.assertAssignable(tx, actor, input.assigneeId, true),
      };
    });
  }

  async recordSurvey(actor: Actor, input: RecordSurvey): Promise<FoundingCaseEntity> {
    return this.changes.apply(actor, input, surveyPlan(input, this.calendar.today(), actor.userId));
  }

  async recordOutreach(actor: Actor, input: RecordOutreach): Promise<FoundingCaseEntity> {
    return this.changes.apply(actor, input, outreachPlan(input, this.calendar.today()));
  }

  async formCommittee(actor: Actor, input: FormCommittee): Promise<FoundingCaseEntity> {
    return this.changes.apply(actor, input, committeePlan(input, this.calendar.today()));
  }

  async recordCongress(actor: Actor, input: RecordCongress): Promise<FoundingCaseEntity> {
    return this.changes.apply(actor, input, congressPlan(input, this.calendar.today()));
  }

  async recordDecision(actor: Actor, input: RecordDecision): Promise<FoundingCaseEntity> {
    return this.changes.apply(actor, input, decisionPlan(input, this.calendar.today()));
  }

  async advance(actor: Actor, input: AdvanceCase): Promise<FoundingCaseEntity> {
    const comment = optionalText('comment', input.comment);
    return this.changes.apply(actor, input, async (row) => {
      const change = await this.changes.transition(row, 'ADVANCE', comment, planAdvance(row.facts, this.rules));
      if (change.toStage === CaseStage.RECOGNIZED) change.after = (m, c) => foundGrassrootsUnion(m, c, row.orgPath, actor);
      return change;
    });
  }

  async close(actor: Actor, input: CloseCase): Promise<FoundingCaseEntity> {
    const comment = requiredComment(input.comment);
    return this.changes.apply(actor, input, (row) =>
      this.changes.transition(row, 'CLOSE', comment, planClose(row.facts), { closed_from_stage: row.facts.stage, closed_reason: input.reason }),
    );
  }

  async reopen(actor: Actor, input: ReopenCase): Promise<FoundingCaseEntity> {
    const comment = requiredComment(input.comment);
    return this.changes.apply(actor, input, async (row) => {
      const change = await this.changes.transition(row, 'REOPEN', comment, planReopen(row.facts), { closed_from_stage: null, closed_reason: null });
      // In the reopen's transaction: a closed enterprise takes no open case (closeEnterprise holds the row while it checks).
      change.after = async (m, c) => {
        const [e] = await m.query(`SELECT closed_on FROM enterprise WHERE id = $1 FOR SHARE`, [c.enterpriseId]);
        if (e?.closed_on) throw enterpriseClosedForCases(e.closed_on);
      };
      return change;
    });
  }

  /** The area's officer of the enterprise when the caller may assign it (locked like an explicit assignee), else null. */
  private async areaAssignee(m: EntityManager, actor: Actor, enterpriseId: string): Promise<string | null> {
    const officerId = (await areaOfficersOf(m, [enterpriseId])).get(enterpriseId);
    if (!officerId) return null;
    return this.assertAssignable(m, actor, officerId, true).then(
      () => officerId,
      () => null,
    );
  }

  /** `lock` (inside a transaction): the account FOR SHARE until it ends, so a deactivation waits for it (see assign). */
  private async assertAssignable(m: EntityManager, actor: Actor, userId: string, lock = false): Promise<void> {
    const [u] = await m.query(
      `SELECT u.role, u.active, o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1${lock ? ' FOR SHARE OF u' : ''}`,
      [userId],
    );
    if (!u || !canSeeUnit(actor, u.path)) throw badInput({ assigneeId: 'Cán bộ phụ trách phải là người dùng trong phạm vi của bạn' });
    if (!u.active || (u.role !== Role.OFFICER && u.role !== Role.SUPERVISOR)) {
      throw badInput({ assigneeId: 'Cán bộ phụ trách phải là cán bộ hoặc giám sát viên đang hoạt động' });
    }
  }
}

function requiredComment(value: string): string {
  const problems: Record<string, string> = {};
  const comment = requiredText(problems, 'comment', value, MAX_TEXT);
  if (Object.keys(problems).length) throw badInput(problems);
  return comment;
}
