import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { FieldProblems } from '../common/field-problems';
import { Page, checkFirst, decodeCursor, encodeCursor } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { isUuid, unitNotFound } from '../identity/account-errors';

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
      page.push(`(o.name, o.id) > (${p.add(cursor[0])}::varchar, ${p.add(cursor[1])}::uuid)`);
    }
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(
        `SELECT o.id, o.name, o.parent_id AS "parentId", par.name AS "parentName",
                (SELECT count(*)::int FROM grassroots_staff s WHERE s.grassroots_union_id = o.id) AS "staffCount",
                (SELECT count(*)::int FROM member m WHERE m.grassroots_union_id = o.id AND m.left_on IS NULL) AS "membersCount",
                EXISTS (SELECT 1 FROM app_user u WHERE u.org_unit_id = o.id AND u.role = 'GRASSROOTS' AND u.active) AS "hasAccount"
           FROM org_unit o LEFT JOIN org_unit par ON par.id = o.parent_id
          WHERE ${page.join(' AND ')} ORDER BY o.name, o.id LIMIT ${limit + 1}`,
        p.values,
      ),
      this.db.query(`SELECT count(*)::int AS n FROM org_unit o WHERE ${where.join(' AND ')}`, countParams),
    ]);
    const nodes = (rows as GrassrootsUnionView[]).slice(0, limit);
    const last = nodes[nodes.length - 1];
    return { nodes, totalCount: n, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor([last.name, last.id]) : null } };
  }
}
