import { DataSource, In } from 'typeorm';
import { isIsoDate } from '@app/domain';
import { MembershipApplicationEntity } from '@app/persistence';
import { RULE } from '../common/messages-vi';
import { Page, checkFirst, decodeCursor, encodeCursor } from '../common/pagination';
import { FieldProblems } from '../common/field-problems';
import { isUuid } from '../identity/account-errors';
import { ApplicationStatus } from '../common/statuses';

/**
 * One page of the applications `where` selects (`a` is membership_application; `$1…` are `params`), for a CĐCS's
 * list and an upper-level union's (docs/architecture.md#grassroots-unions). `status` null: every status. Pending
 * ones oldest first (they wait for a decision), the others newest first; keyset pages by submitted day, then id.
 */
export async function applicationsPage(
  db: DataSource,
  where: string[],
  params: unknown[],
  status: ApplicationStatus | null,
  first?: number | null,
  after?: string | null,
): Promise<Page<MembershipApplicationEntity>> {
  const limit = checkFirst(first);
  where = [...where];
  params = [...params];
  if (status) where.push(`a.status = $${params.push(status)}`);
  const countParams = params.slice();
  const asc = status === ApplicationStatus.SUBMITTED;
  const cursor = decodeCursor(after, 2) as string[] | null;
  const page = [...where];
  if (cursor) {
    if (!isIsoDate(cursor[0]) || !isUuid(cursor[1])) throw new FieldProblems().add('after', RULE.badCursor()).error();
    page.push(`(a.submitted_on, a.id) ${asc ? '>' : '<'} ($${params.push(cursor[0])}::date, $${params.push(cursor[1])}::uuid)`);
  }
  const dir = asc ? 'ASC' : 'DESC';
  const [ids, [{ n }]]: [{ id: string }[], { n: number }[]] = await Promise.all([
    db.query(`SELECT a.id FROM membership_application a WHERE ${page.join(' AND ')} ORDER BY a.submitted_on ${dir}, a.id ${dir} LIMIT ${limit + 1}`, params),
    db.query(`SELECT count(*)::int AS n FROM membership_application a WHERE ${where.join(' AND ')}`, countParams),
  ]);
  const pageIds = ids.slice(0, limit).map((r) => r.id);
  const rows = pageIds.length ? await db.getRepository(MembershipApplicationEntity).findBy({ id: In(pageIds) }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const nodes = pageIds.map((id) => byId.get(id)!);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount: n, pageInfo: { hasNextPage: ids.length > limit, endCursor: last ? encodeCursor([last.submittedOn, last.id]) : null } };
}
