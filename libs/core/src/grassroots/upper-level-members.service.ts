import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LabourContractKind, LeaveReason, MemberStatus, Sex } from '@app/domain';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { notFound } from '../common/app-error';
import { FieldProblems } from '../common/field-problems';
import { Page, checkFirst } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { pageByName, registerSearch } from './register-pages';
import { isUuid } from '../identity/account-errors';
import { MemberFilter } from './members-query.service';

/**
 * A membership registered directly at an upper-level union: a worker whose enterprise has no CĐCS, admitted by the
 * union itself on an application (decideApplication), on no staff list (docs/architecture.md#grassroots-unions).
 */
export interface UpperLevelMemberView {
  /** The membership's id (there is no staff row). */
  id: string;
  orgUnitId: string;
  applicationId: string | null;
  fullName: string;
  /** As the application gave it: a 12-digit citizen id, an older 9-digit id, or none. */
  citizenId: string | null;
  birthYear: number;
  sex: Sex;
  /** The job the application gave. */
  position: string | null;
  status: MemberStatus;
  admittedOn: string;
  decisionNumber: string | null;
  leftOn: string | null;
  leftReason: LeaveReason | null;
  /** For a transfer: "Chuyển đến <the CĐCS>", then the note given. */
  leftNote: string | null;
}

export interface UpperLevelUnit {
  id: string;
  name: string;
  path: string;
}

const VIEW_COLUMNS = `m.id, m.grassroots_union_id AS "orgUnitId", m.application_id AS "applicationId", m.full_name AS "fullName",
  m.personal_id AS "citizenId", m.birth_year AS "birthYear", CASE WHEN m.gender = 'Nữ' THEN 'FEMALE' ELSE 'MALE' END AS sex, a.position,
  CASE WHEN m.left_on IS NULL THEN 'MEMBER' ELSE 'LEFT' END AS status, to_char(m.admitted_on, 'YYYY-MM-DD') AS "admittedOn",
  m.decision_number AS "decisionNumber", to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn", m.left_reason AS "leftReason", m.left_note AS "leftNote"`;
const VIEW_FROM = `member m LEFT JOIN membership_application a ON a.id = m.application_id`;

/**
 * The upper-level union `id` as the caller may see it (its subtree's OFFICERs and SUPERVISORs, ADMIN; `write`:
 * SUPERVISOR and ADMIN), else NOT_FOUND, as `upperLevelApplications` (a CĐCS's users never see one).
 */
export async function upperLevelUnit(m: EntityManager, actor: Actor, id: string, mode: 'read' | 'write'): Promise<UpperLevelUnit> {
  const [u] = isUuid(id) ? await m.query(`SELECT id, name, path FROM org_unit WHERE id = $1 AND kind = 'UPPER_LEVEL'`, [id]) : [];
  const may = mode === 'read' ? actor.role !== Role.GRASSROOTS : actor.role === Role.SUPERVISOR || actor.role === Role.ADMIN;
  if (!u || !may || !canSeeUnit(actor, u.path)) throw notFound('orgUnit');
  return u;
}

/** The members an upper-level union admitted directly, read as its applications are (docs/architecture.md#grassroots-unions). */
@Injectable()
export class UpperLevelMembersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Search, filters and keyset pages by name as `members` (a CĐCS's list); every membership, the ended ones too. */
  async list(actor: Actor, orgUnitId: string, filter: MemberFilter = {}, first?: number | null, after?: string | null): Promise<Page<UpperLevelMemberView>> {
    const limit = checkFirst(first);
    const unit = await upperLevelUnit(this.db.manager, actor, orgUnitId, 'read');
    const problems = new FieldProblems();
    const p = new SqlParams();
    const where = [`m.grassroots_union_id = ${p.add(unit.id)}`, 'm.staff_id IS NULL'];
    const search = registerSearch(filter.search, { name: 'm.full_name', citizenId: 'm.personal_id' }, p, problems);
    if (search) where.push(search);
    // Every membership here is someone's: nobody is NOT_MEMBER.
    if (filter.status === MemberStatus.NOT_MEMBER) where.push('false');
    else if (filter.status === MemberStatus.MEMBER) where.push('m.left_on IS NULL');
    else if (filter.status === MemberStatus.LEFT) where.push('m.left_on IS NOT NULL');
    if (filter.sex) where.push(filter.sex === Sex.FEMALE ? `m.gender = 'Nữ'` : `m.gender <> 'Nữ'`);
    // The application's contract, as a staff row made from it reads (staffFromApplications).
    if (filter.contractKind === LabourContractKind.INDEFINITE) where.push('a.id IS NOT NULL AND a.contract_months IS NULL');
    else if (filter.contractKind === LabourContractKind.FIXED_TERM) where.push('a.contract_months IS NOT NULL');
    else if (filter.contractKind) where.push('false');
    if (filter.leftReason) where.push(`m.left_on IS NOT NULL AND m.left_reason = ${p.add(filter.leftReason)}`);
    problems.throwIfAny();
    return pageByName<UpperLevelMemberView>(this.db, { columns: VIEW_COLUMNS, from: VIEW_FROM, where, p, name: 'm.full_name', id: 'm.id' }, limit, after);
  }

  /** One membership of an upper-level union by its id, read in `m` (after a change), with no scope check. */
  async view(m: EntityManager, id: string): Promise<UpperLevelMemberView> {
    const [row] = await m.query(`SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE m.id = $1`, [id]);
    return row;
  }
}
