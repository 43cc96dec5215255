import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { IneligibleReason, Ownership, ineligibilityReasons, isIsoDate, isOpenStage, CaseStage } from '@app/domain';
import { MembershipApplicationEntity } from '@app/persistence';
import { Actor, Role, canActOnCase, canSeeUnit } from '../common/actor';
import { AppError, ErrorCode, badInput, conflict, notFound } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { optionalText, requiredText } from '../common/text-input';
import { NewMember, insertMembers, sexOfGender, staffFromApplications } from '../grassroots/register-writes';

export interface SubmitApplication {
  caseId?: string | null;
  grassrootsUnionId?: string | null;
  fullName: string;
  personalId?: string | null;
  birthYear: number;
  gender: string;
  position: string;
  isManager: boolean;
  servingSentence: boolean;
  nationality: string;
  contractMonths?: number | null;
  submittedOn: string;
}

export interface DecideApplication {
  applicationId: string;
  admit: boolean;
  decidedOn: string;
  decisionNumber?: string | null;
  reason?: string | null;
}

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

  async submit(actor: Actor, input: SubmitApplication): Promise<MembershipApplicationEntity> {
    const today = this.calendar.today();
    const problems: Record<string, string> = {};
    if (!!input.caseId === !!input.grassrootsUnionId) problems.caseId = 'give exactly one of caseId and grassrootsUnionId';
    const fullName = requiredText(problems, 'fullName', input.fullName, 255);
    const gender = requiredText(problems, 'gender', input.gender, 20);
    const position = requiredText(problems, 'position', input.position, 255);
    const nationality = requiredText(problems, 'nationality', input.nationality, 100);
    const personalId = optionalText('personalId', input.personalId, 20);
    if (personalId && !/^\d{9,12}$/.test(personalId)) problems.personalId = 'must be 9 to 12 digits';
    const thisYear = Number(today.slice(0, 4));
    if (!Number.isInteger(input.birthYear) || input.birthYear < thisYear - 100 || input.birthYear > thisYear - 15) {
      problems.birthYear = `must be between ${thisYear - 100} and ${thisYear - 15}`;
    }
    if (
      input.contractMonths !== null &&
      input.contractMonths !== undefined &&
      (!Number.isInteger(input.contractMonths) || input.contractMonths < 0 || input.contractMonths > 600)
    ) {
      problems.contractMonths = 'must be a whole number of months between 0 and 600, or null for an indefinite contract';
    }
    if (!isIsoDate(input.submittedOn)) problems.submittedOn = 'must be a date YYYY-MM-DD';
    else if (input.submittedOn > today) problems.submittedOn = 'cannot be in the future';
    else if (input.submittedOn < '2000-01-01') problems.submittedOn = 'is too far in the past';
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
        throw new AppError(ErrorCode.INELIGIBLE, `The applicant is not eligible: ${reasons.join(', ')}`, { reasons });
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

  /** Decides an application sent to an existing CĐCS or directly to an upper-level union. */
  async decide(actor: Actor, input: DecideApplication): Promise<MembershipApplicationEntity> {
    const problems: Record<string, string> = {};
    if (!isIsoDate(input.decidedOn)) problems.decidedOn = 'must be a date YYYY-MM-DD';
    else if (input.decidedOn > this.calendar.today()) problems.decidedOn = 'cannot be in the future';
    const decisionNumber = optionalText('decisionNumber', input.decisionNumber, 100);
    const reason = optionalText('reason', input.reason);
    if (input.admit && !decisionNumber) problems.decisionNumber = 'is required to admit (the admission decision number)';
    if (!input.admit && !reason) problems.reason = 'is required to refuse (the reason is told to the applicant)';
    if (Object.keys(problems).length) throw badInput(problems);
    return this.db.transaction(async (m) => {
      const [a] = await m.query(
        `SELECT a.*, o.path FROM membership_application a JOIN org_unit o ON o.id = a.deciding_unit_id WHERE a.id = $1 FOR UPDATE OF a`,
        [input.applicationId],
      );
      if (!a || !canSeeUnit(actor, a.path)) throw notFound('Application');
      if (a.case_id) throw badInput({ applicationId: 'is on a founding case and is decided with the recognition decision' });
      if (a.status !== 'SUBMITTED') throw conflict(`The application is already ${a.status}`);
      if (input.decidedOn < a.submitted_on) throw badInput({ decidedOn: 'cannot be before the application was submitted' });
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
      if (!c || !canActOnCase(actor, { assigneeId: c.assignee_id }, c.path)) throw notFound('Founding case');
      if (!isOpenStage(c.stage as CaseStage) || c.stage === CaseStage.RECOGNITION_DECISION) {
        throw new AppError(ErrorCode.TRANSITION_NOT_ALLOWED, `Applications are collected before the recognition decision; the case is in ${c.stage}`, {
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
    if (!visible) throw notFound('Org unit');
    if (u.dissolved_at) throw badInput({ grassrootsUnionId: 'the unit is dissolved' });
    if (u.kind === 'GRASSROOTS') return { caseId: null, unitId: u.id, decidingUnitId: u.id, ownership: u.ownership, decisionLimited: false };
    if (u.kind === 'UPPER_LEVEL') return { caseId: null, unitId: u.id, decidingUnitId: u.id, ownership: null, decisionLimited: true };
    throw badInput({ grassrootsUnionId: 'must be a grassroots union, or an upper-level union deciding directly' });
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

export const INELIGIBLE_REASONS = Object.values(IneligibleReason);
