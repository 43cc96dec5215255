import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LabourContractKind, LeaveReason, MemberStatus, Sex } from '@app/domain';
import { Actor } from '../common/actor';
import { notFound } from '../common/app-error';
import { FieldProblems } from '../common/field-problems';
import { Page, checkFirst } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { isUuid } from '../identity/account-errors';
import { grassrootsUnit, mayReadGrassroots } from './grassroots-scope';
import { MEMBER_VIEW_COLUMNS, MEMBER_VIEW_FROM, MemberView } from './member-row';
import { pageByName, registerSearch } from './register-pages';

export interface MemberFilter {
  /** A name with or without diacritics ("nguyen thi" finds "Nguyễn Thị"), or the start of a citizen id. */
  search?: string | null;
  status?: MemberStatus | null;
  sex?: Sex | null;
  contractKind?: LabourContractKind | null;
  leftReason?: LeaveReason | null;
}

/** The staff list and member register of a CĐCS, read as the caller may (docs/architecture.md#grassroots-unions). */
@Injectable()
export class MembersQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, grassrootsUnionId: string, filter: MemberFilter = {}, first?: number | null, after?: string | null): Promise<Page<MemberView>> {
    const limit = checkFirst(first);
    const unit = await grassrootsUnit(this.db.manager, actor, grassrootsUnionId, 'read');
    const problems = new FieldProblems();
    const p = new SqlParams();
    const where = [`s.grassroots_union_id = ${p.add(unit.id)}`];
    const search = registerSearch(filter.search, { name: 's.full_name', citizenId: 's.citizen_id' }, p, problems);
    if (search) where.push(search);
    if (filter.status === MemberStatus.NOT_MEMBER) where.push('m.id IS NULL');
    else if (filter.status === MemberStatus.MEMBER) where.push('m.id IS NOT NULL AND m.left_on IS NULL');
    else if (filter.status === MemberStatus.LEFT) where.push('m.left_on IS NOT NULL');
    if (filter.sex) where.push(`s.sex = ${p.add(filter.sex)}`);
    if (filter.contractKind) where.push(`s.contract_kind = ${p.add(filter.contractKind)}`);
    if (filter.leftReason) where.push(`m.left_on IS NOT NULL AND m.left_reason = ${p.add(filter.leftReason)}`);
    problems.throwIfAny();
    return pageByName<MemberView>(this.db, { columns: MEMBER_VIEW_COLUMNS, from: MEMBER_VIEW_FROM, where, p, name: 's.full_name', id: 's.id' }, limit, after);
  }

  /** One person of a register (its staff id), or NOT_FOUND outside the caller's scope. */
  async get(actor: Actor, id: string): Promise<MemberView> {
    const [row] = isUuid(id)
      ? await this.db.query(`SELECT ${MEMBER_VIEW_COLUMNS}, o.path FROM ${MEMBER_VIEW_FROM} JOIN org_unit o ON o.id = s.grassroots_union_id WHERE s.id = $1`, [
          id,
        ])
      : [];
    if (!row || !mayReadGrassroots(actor, { id: row.grassrootsUnionId, path: row.path })) throw notFound('member');
    delete row.path;
    return row as MemberView;
  }

  /** Every membership of a person of a register, oldest first (its history in this CĐCS). */
  async memberships(staffIds: readonly string[]): Promise<Map<string, MembershipView[]>> {
    const rows: (MembershipView & { staffId: string })[] = staffIds.length
      ? await this.db.query(
          `SELECT id, staff_id AS "staffId", to_char(admitted_on, 'YYYY-MM-DD') AS "admittedOn", decision_number AS "decisionNumber",
                  (transferred_from_id IS NOT NULL) AS "transferredIn", to_char(left_on, 'YYYY-MM-DD') AS "leftOn", left_reason AS "leftReason", left_note AS "leftNote",
                  (SELECT o.name FROM member f JOIN org_unit o ON o.id = f.grassroots_union_id WHERE f.id = member.transferred_from_id) AS "transferredFromName"
             FROM member WHERE staff_id = ANY($1::uuid[]) ORDER BY admitted_on, id`,
          [staffIds],
        )
      : [];
    const by = new Map<string, MembershipView[]>(staffIds.map((id) => [id, []]));
    for (const r of rows) by.get(r.staffId)?.push(r);
    return by;
  }
}

export interface MembershipView {
  id: string;
  admittedOn: string;
  /** For a transfer, carried over: the decision that first admitted the person, at another CĐCS. */
  decisionNumber: string | null;
  transferredIn: boolean;
  /** The CĐCS a transfer came from (its name now), else null. */
  transferredFromName: string | null;
  leftOn: string | null;
  leftReason: LeaveReason | null;
  leftNote: string | null;
}
