import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { INELIGIBLE_REASON_LABEL_VI, Ownership, ineligibilityReasons, isIsoDate, isOpenStage, CaseStage } from '@app/domain';
import { MembershipApplicationEntity } from '@app/persistence';
import { Actor, Role, canActOnCase, canSeeUnit } from '../common/actor';
import { AppError, ErrorCode, badInput, conflict, notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { RULE, countProblem, fieldLabel, pastDayProblem } from '../common/messages-vi';
import { APPLICATION_STATUS_VI, statusVi } from '../common/statuses';
import { optionalText, requiredText } from '../common/text-input';
import { NewMember, insertMembers, sexOfGender, staffFromApplications } from '../grassroots/register-writes';
import { grassrootsUnit } from '../grassroots/grassroots-scope';
import { stageRefusalText } from '../cases/case-change.service';
import { Page, checkFirst } from '../common/pagination';
import { isUuid } from '../identity/account-errors';
import { ApplicationStatus } from '../common/statuses';
import { DecideApplication, SubmitApplication } from './applications.types';
import { applicationsPage } from './applications-page';

/** Where an application goes and who decides it. */
interface Target {
  caseId: string | null;
  unitId: string | null;
  decidingUnitId: string;
  ownership: string | null;
  /** Upper-level unions decide direct applications within a limit in working days. */
  decisionLimited: boolean;
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  findByIds(ids: readonly string[]): Promise<MembershipApplicationEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.getRepository(MembershipApplicationEntity).findBy({ id: In([...ids]) });
  }

  findByCaseIds(caseIds: readonly string[]): Promise<MembershipApplicationEntity[]> {
    if (!caseIds.length) return Promise.resolve([]);
    return this.db.getRepository(MembershipApplicationEntity).find({
      where: { caseId: In([...caseIds]) },
      order: { submittedOn: 'ASC', createdAt: 'ASC' },
    });
  }

  /**
   * The applications sent to a CĐCS (submitApplication with its grassrootsUnionId), read as its register
   * (docs/architecture.md#grassroots-unions): its own users, the upper level of its subtree, ADMIN; else NOT_FOUND.
   */
  async ofGrassroots(
    actor: Actor,
    grassrootsUnionId: string,
    status: ApplicationStatus | null,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<MembershipApplicationEntity>> {
    checkFirst(first);
    const unit = await grassrootsUnit(this.db.manager, actor, grassrootsUnionId, 'read');
    return applicationsPage(this.db, ['a.grassroots_union_id = $1'], [unit.id], status, first, after);
  }

  /**
   * The applications sent directly to an upper-level union (its workers' enterprise has no CĐCS), which it decides
   * itself: its officers and supervisors when it is in their subtree, ADMIN any; another unit, or one that is not an
   * upper-level union, NOT_FOUND (docs/architecture.md#grassroots-unions). A founding case's applications are not here.
   */
  async ofUpperLevel(
    actor: Actor,
    orgUnitId: string,
    status: ApplicationStatus | null,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<MembershipApplicationEntity>> {
    checkFirst(first);
    const [u] = isUuid(orgUnitId) ? await this.db.query(`SELECT id, path FROM org_unit WHERE id = $1 AND kind = 'UPPER_LEVEL'`, [orgUnitId]) : [];
    if (!u || actor.role === Role.GRASSROOTS || !canSeeUnit(actor, u.path)) throw notFound('orgUnit');
    return applicationsPage(this.db, ['a.deciding_unit_id = $1', 'a.case_id IS NULL'], [u.id], status, first, after);
  }

  async submit(actor: Actor, input: SubmitApplication): Promise<MembershipApplicationEntity> {
    const today = this.calendar.today();
    const problems: Record<string, string> = {};
    if (!!input.caseId === !!input.grassrootsUnionId) problems.caseId = RULE.exactlyOne('caseId', 'grassrootsUnionId');
    const fullName = requiredText(problems, 'fullName', input.fullName, 255);
    const gender = requiredText(problems, 'gender', input.gender, 20);
    const position = requiredText(problems, 'position', input.position, 255);
    const nationality = requiredText(problems, 'nationality', input.nationality, 100);
    const personalId = optionalText('personalId', input.personalId, 20, problems);
    if (personalId && !/^\d{9,12}$/.test(personalId)) problems.personalId = `${fieldLabel('personalId')} phải gồm 9 đến 12 chữ số`;
    const thisYear = Number(today.slice(0, 4));
    if (!Number.isInteger(input.birthYear) || input.birthYear < thisYear - 100 || input.birthYear > thisYear - 15) {
      problems.birthYear = `${fieldLabel('birthYear')} phải từ ${thisYear - 100} đến ${thisYear - 15}`;
    }
    // null: an indefinite-term contract.
    const months = input.contractMonths === null || input.contractMonths === undefined ? null : countProblem('contractMonths', input.contractMonths, 0, 600);
    if (months) problems.contractMonths = months;
    const submitted = pastDayProblem('submittedOn', input.submittedOn, today, isIsoDate);
    if (submitted) problems.submittedOn = submitted;
    if (Object.keys(problems).length) throw badInput(problems);

    return this.db.transaction(async (m) => {
      const target = await this.resolveTarget(m, actor, input);
      // Serialise applications of the same person so two at once cannot both pass the check below.
      if (personalId) await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`application:id:${personalId}`]);
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `application:name:${target.caseId ?? target.unitId}:${fullName.toLowerCase()}:${input.birthYear}`,
      ]);
      const alreadyMember = await this.isAlreadyMember(m, target, fullName, input.birthYear, personalId);
      const reasons = ineligibilityReasons({
        isManager: input.isManager,
        servingSentence: input.servingSentence,
        nationality,
        contractMonths: input.contractMonths ?? null,
        alreadyMember,
        ownership: (target.ownership as Ownership) ?? null,
      });
      if (reasons.length) {
        throw new AppError(
          ErrorCode.INELIGIBLE,
          `Người lao động không đủ điều kiện gia nhập công đoàn: ${reasons.map((r) => INELIGIBLE_REASON_LABEL_VI[r]).join('; ')}`,
          { reasons },
        );
      }
      const dueOn = target.decisionLimited ? this.calendar.applicationDueOn(await this.calendar.calendar(), input.submittedOn) : null;
      const repo = m.getRepository(MembershipApplicationEntity);
      return repo.save(
        repo.create({
          caseId: target.caseId,
          grassrootsUnionId: target.unitId,
          decidingUnitId: target.decidingUnitId,
          fullName,
          personalId,
          birthYear: input.birthYear,
          gender,
          position,
          isManager: input.isManager,
          servingSentence: input.servingSentence,
          nationality,
          contractMonths: input.contractMonths ?? null,
          submittedOn: input.submittedOn,
          dueOn,
          status: 'SUBMITTED',
          submittedBy: actor.userId,
        }),
      );
    });
  }

  /**
   * Decides an application sent to a CĐCS or directly to an upper-level union; refuses one of a founding case.
   * A CĐCS's own users only refuse (admit: false) the applications to their CĐCS: they admit by an admission decision
   * (admitMembers), which the register numbers and issues. A founding case's applicants are admitted together by the
   * recognition (foundGrassrootsUnion: there is no CĐCS to join before it); one may be refused before the recognition
   * decision, by whoever acts on the case (docs/architecture.md#grassroots-unions).
   */
  async decide(actor: Actor, input: DecideApplication): Promise<MembershipApplicationEntity> {
    const problems: Record<string, string> = {};
    const decided = pastDayProblem('decidedOn', input.decidedOn, this.calendar.today(), isIsoDate);
    if (decided) problems.decidedOn = decided;
    const decisionNumber = optionalText('decisionNumber', input.decisionNumber, 100, problems);
    const reason = optionalText('reason', input.reason, undefined, problems);
    // A CĐCS's admit is refused below, after the scope check: no number asked of it first.
    if (input.admit && actor.role !== Role.GRASSROOTS && !decisionNumber && !problems.decisionNumber)
      problems.decisionNumber = 'Cần ghi số quyết định kết nạp để kết nạp';
    if (!input.admit && !reason && !problems.reason) problems.reason = 'Cần ghi lý do từ chối (lý do được báo cho người lao động)';
    if (Object.keys(problems).length) throw badInput(problems);
    if (!isUuid(input.applicationId)) throw notFound('application');
    return this.db.transaction(async (m) => {
      const [a] = await m.query(
        `SELECT a.*, o.path, c.stage AS case_stage, c.assignee_id AS case_assignee
           FROM membership_application a JOIN org_unit o ON o.id = a.deciding_unit_id LEFT JOIN founding_case c ON c.id = a.case_id
          WHERE a.id = $1 FOR UPDATE OF a`,
        [input.applicationId],
      );
      // A case's application is decided by whoever acts on the case (its deciding unit is the case's unit).
      const visible = a && (a.case_id ? canActOnCase(actor, { assigneeId: a.case_assignee }, a.path) : canSeeUnit(actor, a.path));
      if (!visible) throw notFound('application');
      if (a.case_id && input.admit) {
        throw badInput({
          applicationId: 'Đơn thuộc hồ sơ thành lập CĐCS: người nộp đơn được kết nạp cùng quyết định công nhận CĐCS; trước đó chỉ từ chối được đơn',
        });
      }
      if (actor.role === Role.GRASSROOTS && input.admit) {
        throw badInput({
          admit:
            'Công đoàn cơ sở kết nạp bằng quyết định kết nạp: chọn đơn trong danh sách đơn xin gia nhập rồi bấm «Kết nạp» (quyết định được cấp số theo sổ văn bản)',
        });
      }
      if (a.status !== 'SUBMITTED') throw conflict(`Đơn ${statusVi(APPLICATION_STATUS_VI, a.status)}, không xét lại được`, { status: a.status });
      if (a.case_id && (!isOpenStage(a.case_stage as CaseStage) || a.case_stage === CaseStage.RECOGNITION_DECISION)) {
        throw new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, stageRefusalText(a.case_stage as CaseStage, 'BEFORE_DECISION'), {
          unmet: [],
          stage: a.case_stage,
          reason: 'WRONG_STAGE',
        });
      }
      if (input.decidedOn < a.submitted_on) throw badInput({ decidedOn: `${fieldLabel('decidedOn')} không được trước ngày nộp đơn` });
      await m.query(
        `UPDATE membership_application SET status = $2, decided_on = $3, decision_number = $4, rejection_reason = $5, decided_by = $6 WHERE id = $1`,
        [a.id, input.admit ? 'ADMITTED' : 'REJECTED', input.decidedOn, decisionNumber, input.admit ? null : reason, actor.userId],
      );
      if (input.admit) {
        // Admitted to a CĐCS: the person joins its staff list and register (docs/architecture.md#grassroots-unions).
        const [target] = await m.query(`SELECT kind FROM org_unit WHERE id = $1`, [a.grassroots_union_id]);
        const people: NewMember[] =
          target?.kind === 'GRASSROOTS'
            ? await staffFromApplications(m, [a.id])
            : [{ staffId: null, applicationId: a.id, fullName: a.full_name, citizenId: a.personal_id, birthYear: a.birth_year, sex: sexOfGender(a.gender) }];
        await insertMembers(m, a.grassroots_union_id, people, { admittedOn: input.decidedOn, decisionNumber });
      }
      return m.getRepository(MembershipApplicationEntity).findOneByOrFail({ id: a.id });
    });
  }

  private async resolveTarget(m: EntityManager, actor: Actor, input: SubmitApplication): Promise<Target> {
    if (input.caseId) {
      const [c] = await m.query(
        `SELECT c.id, c.stage, c.assignee_id, c.org_unit_id, o.path, e.ownership
           FROM founding_case c JOIN org_unit o ON o.id = c.org_unit_id JOIN enterprise e ON e.id = c.enterprise_id WHERE c.id = $1`,
        [input.caseId],
      );
      if (!c || !canActOnCase(actor, { assigneeId: c.assignee_id }, c.path)) throw notFound('foundingCase');
      if (!isOpenStage(c.stage as CaseStage) || c.stage === CaseStage.RECOGNITION_DECISION) {
        throw new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, stageRefusalText(c.stage as CaseStage, 'BEFORE_DECISION'), {
          unmet: [],
          stage: c.stage,
          reason: 'WRONG_STAGE',
        });
      }
      return { caseId: c.id, unitId: null, decidingUnitId: c.org_unit_id, ownership: c.ownership, decisionLimited: false };
    }
    const [u] = await m.query(
      `SELECT o.id, o.kind, o.path, o.parent_id, o.dissolved_at,
              (SELECT e.ownership FROM founding_case c JOIN enterprise e ON e.id = c.enterprise_id WHERE c.grassroots_union_id = o.id LIMIT 1) AS ownership
         FROM org_unit o WHERE o.id = $1`,
      [input.grassrootsUnionId],
    );
    // Officers take applications for the CĐCS of their own unit (or their unit directly).
    const visible = u && (actor.role === Role.OFFICER ? u.id === actor.orgUnitId || u.parent_id === actor.orgUnitId : canSeeUnit(actor, u.path));
    if (!visible) throw notFound('orgUnit');
    if (u.dissolved_at) throw badInput({ grassrootsUnionId: 'Đơn vị đã giải thể' });
    if (u.kind === 'GRASSROOTS') return { caseId: null, unitId: u.id, decidingUnitId: u.id, ownership: u.ownership, decisionLimited: false };
    if (u.kind === 'UPPER_LEVEL') return { caseId: null, unitId: u.id, decidingUnitId: u.id, ownership: null, decisionLimited: true };
    throw badInput({ grassrootsUnionId: 'Đơn vị nhận đơn phải là công đoàn cơ sở, hoặc công đoàn cấp trên trực tiếp xét đơn' });
  }

  /** Same citizen id anywhere, or same name and birth year in the same CĐCS or case. */
  private async isAlreadyMember(m: EntityManager, t: Target, fullName: string, birthYear: number, personalId: string | null): Promise<boolean> {
    if (personalId) {
      const [hit] = await m.query(
        `SELECT 1 FROM member WHERE personal_id = $1 AND left_on IS NULL
         UNION ALL SELECT 1 FROM membership_application WHERE personal_id = $1 AND status = 'SUBMITTED' LIMIT 1`,
        [personalId],
      );
      if (hit) return true;
    }
    const [hit] = await m.query(
      `SELECT 1 FROM member WHERE grassroots_union_id = $1 AND lower(full_name) = lower($3) AND birth_year = $4 AND left_on IS NULL
       UNION ALL
       SELECT 1 FROM membership_application
        WHERE (case_id = $2 OR grassroots_union_id = $1) AND status IN ('SUBMITTED','ADMITTED') AND lower(full_name) = lower($3) AND birth_year = $4
       LIMIT 1`,
      [t.unitId, t.caseId, fullName, birthYear],
    );
    return !!hit;
  }
}
