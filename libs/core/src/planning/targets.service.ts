import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, canSeeUnit } from '../common/actor';
import { badInput, notFound } from '../common/app-error';
import { RULE, countProblem } from '../common/messages-vi';

export interface SetTarget {
  year: number;
  orgUnitId?: string | null;
  officerId?: string | null;
  newMembers?: number | null;
  newGrassrootsUnions?: number | null;
  coveragePercent?: number | null;
}

/** Yearly targets of a unit or of an officer; setting again replaces the figures given (one left out is kept, null clears it). */
@Injectable()
export class TargetsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async set(actor: Actor, input: SetTarget): Promise<boolean> {
    const problems: Record<string, string> = {};
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.year = RULE.between('year', 2000, 2100);
    if (!!input.orgUnitId === !!input.officerId) problems.orgUnitId = RULE.exactlyOne('orgUnitId', 'officerId');
    for (const f of ['newMembers', 'newGrassrootsUnions'] as const) {
      const v = input[f];
      const problem = v === null || v === undefined ? null : countProblem(f, v, 0, 10_000_000);
      if (problem) problems[f] = problem;
    }
    const pct = input.coveragePercent;
    if (pct !== null && pct !== undefined && (!Number.isFinite(pct) || pct < 0 || pct > 100))
      problems.coveragePercent = RULE.between('coveragePercent', 0, 100);
    if (Object.keys(problems).length) throw badInput(problems);
    if (input.orgUnitId) {
      const [u] = await this.db.query(`SELECT path FROM org_unit WHERE id = $1`, [input.orgUnitId]);
      if (!u || !canSeeUnit(actor, u.path)) throw notFound('orgUnit');
    } else {
      const [u] = await this.db.query(`SELECT o.path, u.role FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1`, [input.officerId]);
      if (!u || !canSeeUnit(actor, u.path)) throw notFound('officer');
    }
    await upsertTarget(this.db, actor, input);
    return true;
  }
}

/**
 * Writes a checked target (setTarget, and savePlan in its transaction: docs/architecture.md#plan-areas-and-budget).
 * A figure left out (undefined) keeps the one saved; null clears it.
 */
export async function upsertTarget(m: DataSource | EntityManager, actor: Actor, input: SetTarget): Promise<void> {
  const given = (v: unknown) => v !== undefined;
  await m.query(
    `INSERT INTO target (year, org_unit_id, officer_id, new_members, new_grassroots_unions, coverage_percent, set_by, set_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT (year, org_unit_id, officer_id) DO UPDATE SET
       new_members = CASE WHEN $8 THEN EXCLUDED.new_members ELSE target.new_members END,
       new_grassroots_unions = CASE WHEN $9 THEN EXCLUDED.new_grassroots_unions ELSE target.new_grassroots_unions END,
       coverage_percent = CASE WHEN $10 THEN EXCLUDED.coverage_percent ELSE target.coverage_percent END,
       set_by = EXCLUDED.set_by, set_at = now()`,
    [
      input.year,
      input.orgUnitId ?? null,
      input.officerId ?? null,
      input.newMembers ?? null,
      input.newGrassrootsUnions ?? null,
      input.coveragePercent ?? null,
      actor.userId,
      given(input.newMembers),
      given(input.newGrassrootsUnions),
      given(input.coveragePercent),
    ],
  );
}
