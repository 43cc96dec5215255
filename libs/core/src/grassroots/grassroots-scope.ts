import { EntityManager } from 'typeorm';
import { Actor, Role, canSeeUnit } from '../common/actor';
import { notFound } from '../common/app-error';
import { isUuid } from '../identity/account-errors';

/**
 * The employer of the CĐCS whose id is `unitSql` (docs/architecture.md#the-employers-funding-type): the enterprise
 * recorded for it (`grassroots_employer`, for a CĐCS no founding case made), else the enterprise of the founding case
 * that made it; null when neither is known.
 */
export function employerOfSql(unitSql: string): string {
  return `coalesce((SELECT ge.enterprise_id FROM grassroots_employer ge WHERE ge.grassroots_union_id = ${unitSql}),
                   (SELECT c.enterprise_id FROM founding_case c WHERE c.grassroots_union_id = ${unitSql} LIMIT 1))`;
}

export interface GrassrootsUnit {
  id: string;
  name: string;
  path: string;
  /** The ownership of the CĐCS's employer (employerOfSql; eligibility of managers); null when unknown. */
  ownership: string | null;
}

/**
 * Who reads and who changes a CĐCS's register (docs/architecture.md#grassroots-unions): a GRASSROOTS user its
 * own CĐCS only; SUPERVISORs and OFFICERs the CĐCS of their subtree, read only; ADMIN every one. Anything
 * else, and a unit that is not a CĐCS, answers NOT_FOUND.
 */
export function mayReadGrassroots(actor: Actor, unit: { id: string; path: string }): boolean {
  if (actor.role === Role.GRASSROOTS) return unit.id === actor.orgUnitId;
  return canSeeUnit(actor, unit.path);
}

export function mayChangeGrassroots(actor: Actor, unit: { id: string }): boolean {
  if (actor.role === Role.GRASSROOTS) return unit.id === actor.orgUnitId;
  return actor.role === Role.ADMIN;
}

/** The CĐCS `id` as the caller may see it (`write`: change it), else NOT_FOUND. `lock` takes the unit's row lock (serialises its admissions). */
export async function grassrootsUnit(m: EntityManager, actor: Actor, id: string, mode: 'read' | 'write', lock = false): Promise<GrassrootsUnit> {
  const [u] = isUuid(id)
    ? await m.query(
        `SELECT o.id, o.name, o.path,
                (SELECT e.ownership FROM enterprise e WHERE e.id = ${employerOfSql('o.id')}) AS ownership
           FROM org_unit o WHERE o.id = $1 AND o.kind = 'GRASSROOTS' AND o.dissolved_at IS NULL ${lock ? 'FOR UPDATE OF o' : ''}`,
        [id],
      )
    : [];
  if (!u || !mayReadGrassroots(actor, u) || (mode === 'write' && !mayChangeGrassroots(actor, u))) throw notFound('grassrootsUnion');
  return u;
}
