import { DataSource } from 'typeorm';
import { FieldProblems } from '../common/field-problems';
import { Page, decodeCursor, encodeCursor } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { viOrder } from '../common/vietnamese-order';
import { isUuid } from '../identity/account-errors';

/**
 * A member register's search (a CĐCS's staff list, an upper-level union's direct members): digits find the start of a
 * citizen id, anything else the name with or without diacritics ("nguyen thi" finds "Nguyễn Thị"). Null when empty.
 */
export function registerSearch(
  search: string | null | undefined,
  cols: { name: string; citizenId: string },
  p: SqlParams,
  problems: FieldProblems,
): string | null {
  const s = (search ?? '').normalize('NFC').trim();
  if (s.length > 100) problems.add('search', 'Từ khóa tìm kiếm không được dài quá 100 ký tự');
  else if (/^\d+$/.test(s)) return `${cols.citizenId} LIKE ${p.add(`${s}%`)}`;
  else if (s) return `vn_fold(${cols.name}) LIKE '%' || vn_fold(${p.add(s.replace(/[\\%_]/g, (c) => `\\${c}`))}) || '%'`;
  return null;
}

/**
 * One keyset page of a register's rows by Vietnamese name, then id (docs/architecture.md#vietnamese-name-order), with
 * the total of `where`. `p` holds the parameters of `where`; the cursor's are added after them.
 */
export async function pageByName<T extends { fullName: string; id: string }>(
  db: DataSource,
  q: { columns: string; from: string; where: string[]; p: SqlParams; name: string; id: string },
  limit: number,
  after: string | null | undefined,
): Promise<Page<T>> {
  const countParams = q.p.values.slice();
  const cursor = decodeCursor(after, 2) as string[] | null;
  const page = [...q.where];
  if (cursor) {
    if (!isUuid(cursor[1])) throw new FieldProblems().add('after', 'Con trỏ trang không hợp lệ').error();
    page.push(`(${viOrder(q.name)}, ${q.id}) > (${q.p.add(cursor[0])}::varchar, ${q.p.add(cursor[1])}::uuid)`);
  }
  const [rows, [{ n }]] = await Promise.all([
    db.query(`SELECT ${q.columns} FROM ${q.from} WHERE ${page.join(' AND ')} ORDER BY ${viOrder(q.name)}, ${q.id} LIMIT ${limit + 1}`, q.p.values),
    db.query(`SELECT count(*)::int AS n FROM ${q.from} WHERE ${q.where.join(' AND ')}`, countParams),
  ]);
  const nodes = (rows as T[]).slice(0, limit);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount: n, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor([last.fullName, last.id]) : null } };
}
