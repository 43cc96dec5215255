import { EntityManager } from 'typeorm';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { forbidden, notFound } from '../common/app-error';
import { FieldProblems } from '../common/field-problems';
import { isUuid } from '../identity/account-errors';

// Who may read and write a unit's review meetings (docs/architecture.md#review-meetings).

/** OFFICER: its own unit only; SUPERVISOR: its subtree; ADMIN: all. */
export function mayReadMeetings(actor: Actor, unitId: string, unitPath: string): boolean {
  if (actor.role === Role.OFFICER) return unitId === actor.orgUnitId;
  if (actor.role === Role.GRASSROOTS) return false;
  return canSeeUnit(actor, unitPath);
}

export async function readableUnit(m: EntityManager, actor: Actor, orgUnitId: string): Promise<{ id: string; path: string; name: string }> {
  const [u] = isUuid(orgUnitId) ? await m.query(`SELECT id, path, name FROM org_unit WHERE id = $1`, [orgUnitId]) : [];
  if (!u || !mayReadMeetings(actor, u.id, u.path)) throw notFound('orgUnit');
  return u;
}

export async function writableUnit(m: EntityManager, actor: Actor, orgUnitId: string): Promise<{ id: string; path: string; name: string; kind: string }> {
  const [u] = isUuid(orgUnitId) ? await m.query(`SELECT id, path, name, kind FROM org_unit WHERE id = $1`, [orgUnitId]) : [];
  if (!u || !canSeeUnit(actor, u.path)) throw notFound('orgUnit');
  if (actor.role !== Role.SUPERVISOR && actor.role !== Role.ADMIN) throw forbidden('Chỉ lãnh đạo đơn vị lên lịch và ghi biên bản giao ban');
  if (u.kind === 'GRASSROOTS') throw new FieldProblems().add('orgUnitId', 'Giao ban là của công đoàn cấp trên, không phải của CĐCS').error();
  return u;
}
