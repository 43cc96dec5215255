import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LabourContractKind, LeaveReason, MemberStatus, Sex } from '@app/domain';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { notFound } from '../common/app-error';
import { FieldProblems } from '../common/field-problems';
import { Page, checkFirst, decodeCursor, encodeCursor } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { viOrder } from '../common/vietnamese-order';
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
    const search = (filter.search ?? '').normalize('NFC').trim();
    if (search.length > 100) problems.add('search', 'Từ khóa tìm kiếm không được dài quá 100 ký tự');
    else if (/^\d+$/.test(search)) where.push(`m.personal_id LIKE ${p.add(`${search}%`)}`);
    else if (search) where.push(`vn_fold(m.full_name) LIKE '%' || vn_fold(${p.add(search.replace(/[\\%_]/g, (c) => `\\${c}`))}) || '%'`);
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
    const countParams = p.values.slice();
    const cursor = decodeCursor(after, 2) as string[] | null;
    const page = [...where];
    if (cursor) {
      if (!isUuid(cursor[1])) throw new FieldProblems().add('after', 'Con trỏ trang không hợp lệ').error();
      page.push(`(${viOrder('m.full_name')}, m.id) > (${p.add(cursor[0])}::varchar, ${p.add(cursor[1])}::uuid)`);
    }
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(
        `SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE ${page.join(' AND ')} ORDER BY ${viOrder('m.full_name')}, m.id LIMIT ${limit + 1}`,
        p.values,
      ),
      this.db.query(`SELECT count(*)::int AS n FROM ${VIEW_FROM} WHERE ${where.join(' AND ')}`, countParams),
    ]);
    const nodes = (rows as UpperLevelMemberView[]).slice(0, limit);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      totalCount: n,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor([last.fullName, last.id]) : null },
    };
  }

  /** One membership of an upper-level union by its id, read in `m` (after a change), with no scope check. */
  async view(m: EntityManager, id: string): Promise<UpperLevelMemberView> {
    const [row] = await m.query(`SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE m.id = $1`, [id]);
    return row;
  }
}
