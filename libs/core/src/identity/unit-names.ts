import { EntityManager } from 'typeorm';
import { unitNameKey } from '@app/domain';
import { conflict } from '../common/app-error';

/**
 * The live unit under `parentId` that already has `name` (unitNameKey: case and spacing aside), leaving out
 * `except` (a unit being renamed, or one a split dissolves), or null. Two same-named units at one level cannot be
 * told apart in any picker or report (docs/architecture.md#restructuring). Holds a transaction-scoped lock on the
 * parent's names, so two transactions naming units under one parent check one after the other.
 */
export async function sameNamedSibling(m: EntityManager, parentId: string, name: string, except: string[] = []): Promise<{ id: string; name: string } | null> {
  return (await namesUnder(m, parentId))(name, except);
}

/** sameNamedSibling for many names under one parent (a move of several units): one lock, one read. */
export async function namesUnder(m: EntityManager, parentId: string): Promise<(name: string, except?: string[]) => { id: string; name: string } | null> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('org_unit names'), hashtext($1))`, [parentId]);
  const siblings: { id: string; name: string }[] = await m.query(`SELECT id, name FROM org_unit WHERE parent_id = $1 AND dissolved_at IS NULL`, [parentId]);
  return (name, except = []) => {
    const key = unitNameKey(name);
    return siblings.find((s) => !except.includes(s.id) && unitNameKey(s.name) === key) ?? null;
  };
}

/** What a refused name says: the unit that has it. */
export const NAME_TAKEN = (existing: string): string => `Đã có đơn vị cùng tên ở cấp này (${existing})`;

/** CONFLICT on `name`: the unique key of a level's names (createOrgUnit, updateOrgUnit). */
export const nameTaken = (existing: string) => conflict(NAME_TAKEN(existing), { fields: ['name'], messages: { name: NAME_TAKEN(existing) } });
