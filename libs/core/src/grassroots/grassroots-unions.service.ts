import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { FieldProblems } from '../common/field-problems';
import { Page, checkFirst, decodeCursor, encodeCursor } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { badInput, notFound } from '../common/app-error';
import { isUniqueViolation } from '../common/pg-errors';
import { isUuid, unitNotFound } from '../identity/account-errors';
import { employerOfSql } from './grassroots-scope';
import { viOrder } from '../common/vietnamese-order';

/** A CĐCS as the upper level's list shows it: where it sits, how many people and members, whether someone there can log in. */
export interface GrassrootsUnionView {
  id: string;
  name: string;
  parentId: string | null;
  parentName: string | null;
  staffCount: number;
  membersCount: number;
  /** An active GRASSROOTS account sits on it. */
  hasAccount: boolean;
  /** Its employer (employerOfSql), recorded for it or the enterprise of the founding case that made it. */
  employerId: string | null;
  employerName: string | null;
  /** The employer comes from the founding case that made the CĐCS (then it is not set by hand). */
  employerFromCase: boolean;
}

export interface SetGrassrootsEmployer {
  grassrootsUnionId: string;
  /** null: no employer recorded any more. */
  enterpriseId?: string | null;
}

export interface GrassrootsUnionsFilter {
  /** The subtree's root; the caller's own unit when not given. */
  orgUnitId?: string | null;
  /** A name, with or without diacritics. */
  search?: string | null;
}

/** The CĐCS of the caller's subtree (docs/architecture.md#grassroots-unions), ordered by name; dissolved ones left out. */
@Injectable()
export class GrassrootsUnionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, filter: GrassrootsUnionsFilter = {}, first?: number | null, after?: string | null): Promise<Page<GrassrootsUnionView>> {
    const limit = checkFirst(first);
    const problems = new FieldProblems();
    const search = (filter.search ?? '').normalize('NFC').trim();
    if (search.length > 100) problems.add('search', 'Từ khóa tìm kiếm không được dài quá 100 ký tự');
    problems.throwIfAny();
    const rootId = filter.orgUnitId ?? (actor.role === Role.ADMIN ? null : actor.orgUnitId);
    const p = new SqlParams();
    const where = [`o.kind = 'GRASSROOTS'`, 'o.dissolved_at IS NULL'];
    if (rootId) {
      const [root] = isUuid(rootId) ? await this.db.query(`SELECT id, path FROM org_unit WHERE id = $1`, [rootId]) : [];
      if (!root || !canSeeUnit(actor, root.path)) throw unitNotFound();
      where.push(`(o.path = ${p.add(root.path)} OR o.path LIKE ${p.add(subtreeLike(root.path))})`);
    }
    if (search) where.push(`vn_fold(o.name) LIKE '%' || vn_fold(${p.add(search.replace(/[\\%_]/g, (c) => `\\${c}`))}) || '%'`);
    const countParams = p.values.slice();
    const cursor = decodeCursor(after, 2) as string[] | null;
    const page = [...where];
    if (cursor) {
      if (!isUuid(cursor[1])) throw new FieldProblems().add('after', 'Con trỏ trang không hợp lệ').error();
      page.push(`(${viOrder('o.name')}, o.id) > (${p.add(cursor[0])}::varchar, ${p.add(cursor[1])}::uuid)`);
    }
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(`${VIEW_SELECT} WHERE ${page.join(' AND ')} ORDER BY ${viOrder('o.name')}, o.id LIMIT ${limit + 1}`, p.values),
      this.db.query(`SELECT count(*)::int AS n FROM org_unit o WHERE ${where.join(' AND ')}`, countParams),
    ]);
    const nodes = (rows as GrassrootsUnionView[]).slice(0, limit);
    const last = nodes[nodes.length - 1];
    return { nodes, totalCount: n, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor([last.name, last.id]) : null } };
  }

  /**
   * Records the employer of a CĐCS no founding case made (SUPERVISOR of its subtree, ADMIN): an enterprise the caller
   * sees, employer of no other CĐCS; null clears it. A CĐCS made by a founding case has that case's enterprise, which
   * cannot be changed here. Out of scope: NOT_FOUND.
   */
  async setEmployer(actor: Actor, input: SetGrassrootsEmployer): Promise<GrassrootsUnionView> {
    const enterpriseId = input.enterpriseId ?? null;
    if (!isUuid(input.grassrootsUnionId)) throw notFound('grassrootsUnion');
    if (enterpriseId !== null && !isUuid(enterpriseId)) throw notFound('enterprise');
    await this.db.transaction(async (m) => {
      const [u] = await m.query(`SELECT id, name, path FROM org_unit WHERE id = $1 AND kind = 'GRASSROOTS' AND dissolved_at IS NULL FOR UPDATE`, [
        input.grassrootsUnionId,
      ]);
      if (!u || !canSeeUnit(actor, u.path)) throw notFound('grassrootsUnion');
      const [made] = await m.query(`SELECT e.name FROM founding_case c JOIN enterprise e ON e.id = c.enterprise_id WHERE c.grassroots_union_id = $1 LIMIT 1`, [
        u.id,
      ]);
      if (made) throw badInput({ enterpriseId: `${u.name} được thành lập từ hồ sơ của ${made.name}: đơn vị sử dụng lao động là doanh nghiệp đó` });
      if (enterpriseId === null) {
        await m.query(`DELETE FROM grassroots_employer WHERE grassroots_union_id = $1`, [u.id]);
        return;
      }
      const [e] = await m.query(`SELECT e.id, e.name, o.path FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id WHERE e.id = $1`, [enterpriseId]);
      if (!e || !canSeeUnit(actor, e.path)) throw notFound('enterprise');
      const [taken] = await m.query(
        `SELECT o.name FROM org_unit o WHERE o.id <> $2 AND o.dissolved_at IS NULL
            AND (o.id IN (SELECT grassroots_union_id FROM grassroots_employer WHERE enterprise_id = $1)
                 OR o.id IN (SELECT grassroots_union_id FROM founding_case WHERE enterprise_id = $1 AND grassroots_union_id IS NOT NULL))
          LIMIT 1`,
        [e.id, u.id],
      );
      if (taken) throw badInput({ enterpriseId: `${e.name} đã là đơn vị sử dụng lao động của ${taken.name}` });
      try {
        await m.query(
          `INSERT INTO grassroots_employer (grassroots_union_id, enterprise_id, set_by) VALUES ($1, $2, $3)
           ON CONFLICT (grassroots_union_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, set_by = EXCLUDED.set_by, set_at = now()`,
          [u.id, e.id, actor.userId],
        );
      } catch (err) {
        // A dissolved CĐCS keeps its employer: the enterprise may not be given to a second one.
        if (isUniqueViolation(err, 'UQ_grassroots_employer_enterprise'))
          throw badInput({ enterpriseId: `${e.name} đã là đơn vị sử dụng lao động của một CĐCS khác (kể cả CĐCS đã giải thể)` });
        throw err;
      }
    });
    const [row] = await this.db.query(`${VIEW_SELECT} WHERE o.id = $1`, [input.grassrootsUnionId]);
    return row as GrassrootsUnionView;
  }
}

/** A CĐCS (`o`) as GrassrootsUnionView; the caller adds WHERE. */
const VIEW_SELECT = `SELECT o.id, o.name, o.parent_id AS "parentId", par.name AS "parentName",
        (SELECT count(*)::int FROM grassroots_staff s WHERE s.grassroots_union_id = o.id) AS "staffCount",
        (SELECT count(*)::int FROM member m WHERE m.grassroots_union_id = o.id AND m.left_on IS NULL) AS "membersCount",
        EXISTS (SELECT 1 FROM app_user u WHERE u.org_unit_id = o.id AND u.role = 'GRASSROOTS' AND u.active) AS "hasAccount",
        emp.id AS "employerId", emp.name AS "employerName",
        EXISTS (SELECT 1 FROM founding_case c WHERE c.grassroots_union_id = o.id) AS "employerFromCase"
   FROM org_unit o LEFT JOIN org_unit par ON par.id = o.parent_id
   LEFT JOIN LATERAL (SELECT e.id, e.name FROM enterprise e WHERE e.id = ${employerOfSql('o.id')}) emp ON true`;
