import { EntityManager } from 'typeorm';
import { IsoDate, vnStartOfDay } from '@app/domain';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { unassignOpenCases } from '../cases/case-unassign';
import { leaveUnionGroups } from '../grassroots/register-writes';

/**
 * The writes of an applied change (docs/architecture.md#restructuring), inside the caller's transaction, which
 * holds RESTRUCTURE_LOCK: `org_unit` keeps today's structure (parent, path, name), and every unit whose parent,
 * path or name changed on day `on` gets its open span closed on `on` and a new one from `on`.
 */

/** What dissolving a unit did with what hung on it. */
export interface DissolveResult {
  children: number;
  enterprises: number;
  openCases: number;
  users: number;
  deactivatedUsers: number;
  targets: number;
  endedMemberships: number;
}

export type OfficersPolicy = 'MOVE' | 'DEACTIVATE';
export type TargetsPolicy = 'MOVE' | 'CLOSE';

/** The rows an UPDATE … RETURNING gives (wrapped in a CTE: TypeORM answers a bare one as [rows, count]). */
function updated<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return m.query(`WITH w AS (${sql}) SELECT * FROM w`, params);
}

type Reassigned = 'ENTERPRISE' | 'CASE' | 'USER';

/**
 * Moves the rows of `table` hanging on `move.from` (and matching `where`, whose extra parameters start at $5) to
 * `move.to`, each recorded in `unit_reassignment` with the change and its day.
 */
export function reassignRows(
  m: EntityManager,
  subject: Reassigned,
  table: 'enterprise' | 'founding_case' | 'app_user',
  move: { from: string; to: string; changeId: string; on: IsoDate },
  where: string,
  extra: unknown[] = [],
): Promise<{ subject_id: string }[]> {
  return m.query(
    `WITH moved AS (UPDATE ${table} SET org_unit_id = $2 WHERE org_unit_id = $1 ${where} RETURNING id)
     INSERT INTO unit_reassignment (change_id, subject, subject_id, from_unit_id, to_unit_id, effective_on)
     SELECT $3, '${subject}', id, $1, $2, $4::date FROM moved RETURNING subject_id`,
    [move.from, move.to, move.changeId, move.on, ...extra],
  );
}

/** Closes the open spans of `ids` on `on` and opens new ones from `on` as `org_unit` now says (same day: replaced). */
export async function respan(m: EntityManager, ids: readonly string[], on: IsoDate, changeId: string): Promise<void> {
  if (!ids.length) return;
  await m.query(`DELETE FROM org_unit_span WHERE unit_id = ANY($1::uuid[]) AND valid_to IS NULL AND valid_from = $2::date`, [ids, on]);
  await m.query(`UPDATE org_unit_span SET valid_to = $2::date WHERE unit_id = ANY($1::uuid[]) AND valid_to IS NULL`, [ids, on]);
  await m.query(
    `INSERT INTO org_unit_span (unit_id, parent_id, path, lineage, name, dissolved, valid_from, change_id, kind)
     SELECT o.id, o.parent_id, o.path, string_to_array(o.path, '.')::uuid[], o.name, o.dissolved_at IS NOT NULL, $2::date, $3,
            -- the kind only once a level change dated it (null: the unit's kind of today)
            CASE WHEN EXISTS (SELECT 1 FROM org_unit_span s WHERE s.unit_id = o.id AND s.kind IS NOT NULL) THEN o.kind END
       FROM org_unit o WHERE o.id = ANY($1::uuid[])`,
    [ids, on, changeId],
  );
}

/** Moves `unitId` (with its subtree) under `newParentId` from `on`. */
export async function moveUnit(m: EntityManager, unitId: string, newParentId: string, on: IsoDate, changeId: string): Promise<void> {
  const [[u], [p]] = await Promise.all([
    m.query(`SELECT path FROM org_unit WHERE id = $1`, [unitId]),
    m.query(`SELECT path FROM org_unit WHERE id = $1`, [newParentId]),
  ]);
  const rows = await updated<{ id: string }>(
    m,
    `UPDATE org_unit SET path = $3 || substr(path, length($2) + 1), parent_id = CASE WHEN id = $1 THEN $4::uuid ELSE parent_id END, restructured = true
      WHERE path = $2 OR path LIKE $2 || '.%' RETURNING id`,
    [unitId, u.path, `${p.path}.${unitId}`, newParentId],
  );
  await respan(
    m,
    rows.map((r) => r.id),
    on,
    changeId,
  );
}

export async function renameUnit(m: EntityManager, unitId: string, name: string, on: IsoDate, changeId: string): Promise<void> {
  await m.query(`UPDATE org_unit SET name = $2 WHERE id = $1`, [unitId, name]);
  await respan(m, [unitId], on, changeId);
}

/** A new unit under `parentId`, existing from `on` (its first span starts that day). */
export async function foundUnit(m: EntityManager, name: string, kind: string, parentId: string, on: IsoDate): Promise<string> {
  await m.query(`SELECT set_config('cdcs.unit_founded_on', $1, true)`, [on]);
  const [{ id }] = await m.query(
    `WITH n AS (SELECT gen_random_uuid() AS id)
     INSERT INTO org_unit (id, name, kind, parent_id, path, established_on)
     SELECT n.id, $1, $2, $3, p.path || '.' || n.id, $4 FROM n, org_unit p WHERE p.id = $3 RETURNING id`,
    [name, kind, parentId, on],
  );
  await m.query(`SELECT set_config('cdcs.unit_founded_on', '', true)`);
  return id;
}

/** What would be left without a unit if `unitId` were dissolved on `on` with nowhere to go. */
export async function orphansOf(m: EntityManager, unitId: string, on: IsoDate): Promise<Omit<DissolveResult, 'deactivatedUsers' | 'endedMemberships'>> {
  const [r] = await m.query(
    `SELECT (SELECT count(*)::int FROM org_unit WHERE parent_id = $1 AND dissolved_at IS NULL) AS children,
            (SELECT count(*)::int FROM enterprise WHERE org_unit_id = $1) AS enterprises,
            (SELECT count(*)::int FROM founding_case WHERE org_unit_id = $1 AND stage IN ${OPEN_STAGES_SQL}) AS open_cases,
            -- A CĐCS's own accounts need no receiver: they end with it (dissolveUnit).
            (SELECT count(*)::int FROM app_user WHERE org_unit_id = $1 AND active AND role <> 'GRASSROOTS') AS users,
            (SELECT count(*)::int FROM target WHERE org_unit_id = $1 AND officer_id IS NULL AND year = $2 AND closed_by_change_id IS NULL) AS targets`,
    [unitId, Number(on.slice(0, 4))],
  );
  return { children: r.children, enterprises: r.enterprises, openCases: r.open_cases, users: r.users, targets: r.targets };
}

/**
 * Dissolves `unitId` from `on`: its children, enterprises, open cases (their stage, clocks and escalations
 * untouched: docs/architecture.md#restructuring), users and this year's target go to `transferTo`; users are
 * deactivated instead when asked (an ADMIN account always moves; a CĐCS's own GRASSROOTS accounts never do); the target is added to the receiver's or closed;
 * a CĐCS's open memberships end as DISSOLVED. The unit keeps its place in the tree, marked dissolved, so its past
 * reports still read.
 */
export async function dissolveUnit(
  m: EntityManager,
  opts: { unitId: string; transferTo: string | null; on: IsoDate; changeId: string; byUserId: string; officers: OfficersPolicy; targets: TargetsPolicy },
): Promise<DissolveResult> {
  const { unitId: x, transferTo: t, on, changeId } = opts;
  const result: DissolveResult = { children: 0, enterprises: 0, openCases: 0, users: 0, deactivatedUsers: 0, targets: 0, endedMemberships: 0 };
  // A GRASSROOTS account sits on its CĐCS (docs/architecture.md#grassroots-unions): it ends with it, never moves.
  const ownAccounts = await updated<{ id: string }>(
    m,
    `UPDATE app_user SET active = false, deactivated_at = now(), token_version = token_version + 1
      WHERE org_unit_id = $1 AND active AND role = 'GRASSROOTS' RETURNING id`,
    [x],
  );
  result.deactivatedUsers = ownAccounts.length;
  if (t) {
    const children: { id: string }[] = await m.query(`SELECT id FROM org_unit WHERE parent_id = $1 AND dissolved_at IS NULL ORDER BY id`, [x]);
    for (const c of children) await moveUnit(m, c.id, t, on, changeId);
    result.children = children.length;
    const reassign = (subject: Reassigned, table: 'enterprise' | 'founding_case' | 'app_user', where: string) =>
      reassignRows(m, subject, table, { from: x, to: t, changeId, on }, where);
    result.enterprises = (await reassign('ENTERPRISE', 'enterprise', '')).length;
    await m.query(`SELECT set_config('cdcs.restructuring', 'on', true)`);
    result.openCases = (await reassign('CASE', 'founding_case', `AND stage IN ${OPEN_STAGES_SQL}`)).length;
    await m.query(`SELECT set_config('cdcs.restructuring', '', true)`);
    const users = await reassign('USER', 'app_user', `AND role <> 'GRASSROOTS'`);
    result.users = users.length;
    if (opts.officers === 'DEACTIVATE') {
      const gone = await updated<{ id: string }>(
        m,
        `UPDATE app_user SET active = false, deactivated_at = now(), token_version = token_version + 1
          WHERE id = ANY($1::uuid[]) AND active AND role <> 'ADMIN' RETURNING id`,
        [users.map((u) => u.subject_id)],
      );
      for (const u of gone) await unassignOpenCases(m, u.id, opts.byUserId, 'Bỏ phân công: cán bộ ngừng hoạt động do giải thể đơn vị');
      result.deactivatedUsers += gone.length;
    }
    const year = Number(on.slice(0, 4));
    const targets = await updated<{ id: string; new_members: number | null; new_grassroots_unions: number | null; coverage_percent: string | null }>(
      m,
      `UPDATE target SET closed_by_change_id = $3 WHERE org_unit_id = $1 AND officer_id IS NULL AND year = $2 AND closed_by_change_id IS NULL
       RETURNING id, new_members, new_grassroots_unions, coverage_percent`,
      [x, year, changeId],
    );
    result.targets = targets.length;
    if (opts.targets === 'MOVE') {
      for (const tg of targets) {
        // The receiver's year target grows by the dissolved unit's; its coverage percent stays (or is taken over).
        const grown = await updated<{ id: string }>(
          m,
          `UPDATE target SET new_members = CASE WHEN new_members IS NULL AND $3::int IS NULL THEN NULL ELSE coalesce(new_members, 0) + coalesce($3::int, 0) END,
                  new_grassroots_unions = CASE WHEN new_grassroots_unions IS NULL AND $4::int IS NULL THEN NULL ELSE coalesce(new_grassroots_unions, 0) + coalesce($4::int, 0) END,
                  coverage_percent = coalesce(coverage_percent, $5::numeric), set_by = $6, set_at = now()
            WHERE org_unit_id = $1 AND officer_id IS NULL AND year = $2 RETURNING id`,
          [t, year, tg.new_members, tg.new_grassroots_unions, tg.coverage_percent, opts.byUserId],
        );
        if (!grown.length) {
          await m.query(
            `INSERT INTO target (year, org_unit_id, officer_id, new_members, new_grassroots_unions, coverage_percent, set_by) VALUES ($1, $2, NULL, $3, $4, $5, $6)`,
            [year, t, tg.new_members, tg.new_grassroots_unions, tg.coverage_percent, opts.byUserId],
          );
        }
        await m.query(
          `INSERT INTO unit_reassignment (change_id, subject, subject_id, from_unit_id, to_unit_id, effective_on) VALUES ($1, 'TARGET', $2, $3, $4, $5::date)`,
          [changeId, tg.id, x, t, on],
        );
      }
    }
  }
  const ended = await updated<{ id: string; staff_id: string | null }>(
    m,
    `UPDATE member SET left_on = greatest(admitted_on, $2::date), left_reason = 'DISSOLVED' WHERE grassroots_union_id = $1 AND left_on IS NULL RETURNING id, staff_id`,
    [x, on],
  );
  await leaveUnionGroups(
    m,
    ended.map((e) => e.staff_id),
  );
  result.endedMemberships = ended.length;
  await m.query(`UPDATE org_unit SET dissolved_at = $2 WHERE id = $1`, [x, vnStartOfDay(on)]);
  await respan(m, [x], on, changeId);
  return result;
}
