import { EntityManager } from 'typeorm';
import { IsoDate, OrgChangeKind, wouldCycle } from '@app/domain';
import { FieldProblems } from '../common/field-problems';
import { CHILD_KINDS, ORG_UNIT_KIND_VI, OrgUnitKind } from '../identity/org-units.service';
import { moveUnit, respan } from './restructuring-apply';

/**
 * A unit's level changed from a day (docs/architecture.md#restructuring): UPGRADE one step up the levels of
 * `org_unit.kind` (a CĐCS becomes a công đoàn cấp trên trực tiếp cơ sở, e.g. of a corporation whose member CĐCS are then
 * moved under it; a cấp trên cơ sở becomes a liên đoàn), DOWNGRADE one step down; optionally under a new parent at once.
 */
const UP: Partial<Record<string, OrgUnitKind>> = { GRASSROOTS: OrgUnitKind.UPPER_LEVEL, UPPER_LEVEL: OrgUnitKind.FEDERATION };
const DOWN: Partial<Record<string, OrgUnitKind>> = { FEDERATION: OrgUnitKind.UPPER_LEVEL, UPPER_LEVEL: OrgUnitKind.GRASSROOTS };

export function levelAfter(kind: string, change: OrgChangeKind): OrgUnitKind | null {
  return (change === OrgChangeKind.UPGRADE ? UP : DOWN)[kind] ?? null;
}

interface LevelUnit {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
}

/**
 * Checks a level change of `u` (under `p` when given) and answers its summary; each refusal goes into `problems`
 * naming why: no level to go to, a parent that may not hold the new level, a cycle, or what the unit still holds that
 * the new level may not (members and CĐCS accounts of a CĐCS upgraded; units, enterprises and officers' accounts of a
 * unit downgraded to a CĐCS: moved first).
 */
export async function checkLevelChange(m: EntityManager, change: OrgChangeKind, u: LevelUnit, p: LevelUnit | null, problems: FieldProblems): Promise<string> {
  const verb = change === OrgChangeKind.UPGRADE ? 'nâng cấp' : 'hạ cấp';
  const to = levelAfter(u.kind, change);
  const kindVi = (k: string) => ORG_UNIT_KIND_VI[k as OrgUnitKind] ?? k;
  if (!to) {
    problems.add('id', `${u.name} là ${kindVi(u.kind)}: không ${verb} được`);
    return '';
  }
  if (p) {
    if (p.id === u.id) problems.add('newParentId', `Không thể chuyển ${u.name} vào chính nó`);
    else if (wouldCycle(u.id, p.path)) problems.add('newParentId', `${p.name} nằm trong ${u.name}: không thể chuyển một đơn vị vào đơn vị cấp dưới của nó`);
  }
  const [parent]: { name: string; kind: string }[] = p ? [p] : u.parent_id ? await m.query(`SELECT name, kind FROM org_unit WHERE id = $1`, [u.parent_id]) : [];
  if (parent && !CHILD_KINDS[parent.kind as OrgUnitKind]?.includes(to))
    problems.add('newParentId', `${parent.name} (${kindVi(parent.kind)}) không có ${kindVi(to)} trực thuộc: hãy chọn đơn vị cấp trên mới`);
  const [h] = await m.query(
    `SELECT (SELECT count(*)::int FROM member WHERE grassroots_union_id = $1 AND left_on IS NULL) AS members,
            (SELECT count(*)::int FROM app_user WHERE org_unit_id = $1 AND active AND role = 'GRASSROOTS') AS grassroots_accounts,
            (SELECT count(*)::int FROM app_user WHERE org_unit_id = $1 AND active AND role IN ('SUPERVISOR', 'OFFICER')) AS officers,
            (SELECT count(*)::int FROM org_unit WHERE parent_id = $1 AND dissolved_at IS NULL AND NOT (kind = ANY($2::text[]))) AS children,
            (SELECT count(*)::int FROM enterprise WHERE org_unit_id = $1) AS enterprises`,
    [u.id, CHILD_KINDS[to]],
  );
  const left = (
    to === OrgUnitKind.GRASSROOTS
      ? [
          h.children && `${h.children} đơn vị trực thuộc`,
          h.enterprises && `${h.enterprises} doanh nghiệp trong sổ`,
          h.officers && `${h.officers} tài khoản cán bộ`,
        ]
      : [
          h.members && `${h.members} đoàn viên`,
          h.grassroots_accounts && `${h.grassroots_accounts} tài khoản CĐCS`,
          h.children && `${h.children} đơn vị trực thuộc không hợp với cấp mới`,
        ]
  ).filter(Boolean);
  if (left.length) problems.add('id', `${u.name} còn ${left.join(', ')}: hãy chuyển đi trước khi ${verb} thành ${kindVi(to)}`);
  return `${verb[0].toUpperCase()}${verb.slice(1)} ${u.name} từ ${kindVi(u.kind)} thành ${kindVi(to)}${p ? `, trực thuộc ${p.name}` : ''}`;
}

/** Applies a checked level change from `on`: the unit's earlier spans keep its old level, the span opened on `on` the new one. */
export async function changeLevel(
  m: EntityManager,
  unitId: string,
  change: OrgChangeKind,
  newParentId: string | null,
  on: IsoDate,
  changeId: string,
): Promise<{ kind: string }> {
  const [u]: { kind: string }[] = await m.query(`SELECT kind FROM org_unit WHERE id = $1`, [unitId]);
  const to = levelAfter(u.kind, change)!;
  await m.query(`UPDATE org_unit_span SET kind = $2 WHERE unit_id = $1 AND kind IS NULL`, [unitId, u.kind]);
  if (newParentId) await moveUnit(m, unitId, newParentId, on, changeId);
  await m.query(`UPDATE org_unit SET kind = $2, restructured = true WHERE id = $1`, [unitId, to]);
  await respan(m, [unitId], on, changeId);
  return { kind: to };
}
