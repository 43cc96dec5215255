import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isIsoDate } from '@app/domain';
import { Actor, pathInSubtree } from '../common/actor';
import { badInput, conflict } from '../common/app-error';
import { EARLIEST_DAY, RULE, countProblem } from '../common/messages-vi';
import { isUniqueViolation } from '../common/pg-errors';
import { MAX_TEXT, requiredText } from '../common/text-input';
import { OrgUnitsService } from '../identity/org-units.service';
import { upsertTarget } from '../planning/targets.service';
import { assertMayRead } from './plan-scope';

export interface PlanAssignmentInput {
  officerId: string;
  duty: string;
  newMembers?: number | null;
  newGrassrootsUnions?: number | null;
}
export interface SavePlan {
  orgUnitId: string;
  year: number;
  number: string;
  issuedOn: string;
  title: string;
  newMembers?: number | null;
  newGrassrootsUnions?: number | null;
  coveragePercent?: number | null;
  assignments?: PlanAssignmentInput[] | null;
  /** The version the caller read (0: no plan yet); a newer one saved meanwhile answers CONFLICT. */
  baseVersion?: number | null;
}
export interface PlanAssignmentView {
  officerId: string;
  officerName: string;
  duty: string;
  newMembers: number | null;
  newGrassrootsUnions: number | null;
}
export interface PlanView {
  id: string;
  orgUnitId: string;
  year: number;
  version: number;
  latest: boolean;
  number: string;
  issuedOn: string;
  title: string;
  newMembers: number | null;
  newGrassrootsUnions: number | null;
  coveragePercent: number | null;
  assignments: PlanAssignmentView[];
  savedById: string;
  savedAt: Date;
}

const MAX_ASSIGNMENTS = 200;
const PLAN_CHANGED = 'Kế hoạch vừa được người khác lưu phiên bản mới; hãy tải lại trước khi lưu';

/**
 * The year's plan of a unit (number, date, title, the unit's targets, the officers' assignments), one per unit and
 * year, every save a new version; earlier versions stay readable. Saving also sets the targets the figures read
 * (the `target` rows), in the same transaction. See docs/architecture.md#plan-areas-and-budget.
 */
@Injectable()
export class PlanService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orgUnits: OrgUnitsService,
  ) {}

  async plan(actor: Actor, orgUnitId: string, year: number, version?: number | null): Promise<PlanView | null> {
    checkYear(year);
    const unit = await this.orgUnits.getVisible(actor, orgUnitId);
    assertMayRead(actor, unit);
    const plans = await this.load(this.db, unit.id, year, version ?? null);
    return plans[0] ?? null;
  }

  async versions(actor: Actor, orgUnitId: string, year: number): Promise<PlanView[]> {
    checkYear(year);
    const unit = await this.orgUnits.getVisible(actor, orgUnitId);
    assertMayRead(actor, unit);
    return this.load(this.db, unit.id, year, 'all');
  }

  async save(actor: Actor, input: SavePlan): Promise<PlanView> {
    const problems: Record<string, string> = {};
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.year = RULE.between('year', 2000, 2100);
    const number = requiredText(problems, 'number', input.number, 60);
    const title = requiredText(problems, 'title', input.title, 500);
    if (!isIsoDate(input.issuedOn)) problems.issuedOn = RULE.realDay('issuedOn');
    else if (input.issuedOn < EARLIEST_DAY) problems.issuedOn = RULE.notBefore('issuedOn', EARLIEST_DAY);
    for (const f of ['newMembers', 'newGrassrootsUnions'] as const) {
      const v = input[f];
      const problem = v === null || v === undefined ? null : countProblem(f, v, 0, 10_000_000);
      if (problem) problems[f] = problem;
    }
    const pct = input.coveragePercent;
    if (pct !== null && pct !== undefined && (!Number.isFinite(pct) || pct < 0 || pct > 100))
      problems.coveragePercent = RULE.between('coveragePercent', 0, 100);
    const base = input.baseVersion;
    if (base !== null && base !== undefined && (!Number.isInteger(base) || base < 0)) problems.baseVersion = RULE.atLeast('baseVersion', 0);
    const assignments = (input.assignments ?? []).map((a) => ({ ...a, duty: (a.duty ?? '').normalize('NFC').trim() }));
    if (assignments.length > MAX_ASSIGNMENTS) problems.assignments = `Phân công không được quá ${MAX_ASSIGNMENTS} cán bộ`;
    else if (new Set(assignments.map((a) => a.officerId)).size !== assignments.length) problems.assignments = 'Mỗi cán bộ chỉ được phân công một lần';
    else if (assignments.some((a) => !a.duty || a.duty.length > MAX_TEXT)) problems.assignments = `Nhiệm vụ của mỗi cán bộ phải có từ 1 đến ${MAX_TEXT} ký tự`;
    else if (
      assignments.some((a) => [a.newMembers, a.newGrassrootsUnions].some((v) => v !== null && v !== undefined && countProblem('newMembers', v, 0, 10_000_000)))
    )
      problems.assignments = 'Chỉ tiêu của mỗi cán bộ phải là số nguyên từ 0 trở lên';
    if (Object.keys(problems).length) throw badInput(problems);

    const unit = await this.orgUnits.getVisible(actor, input.orgUnitId);
    if (assignments.length) {
      const ids = assignments.map((a) => a.officerId);
      const rows: { id: string; path: string; active: boolean; role: string }[] = await this.db.query(
        `SELECT u.id, u.active, u.role, o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id::text = ANY($1::text[])`,
        [ids],
      );
      const ok = new Set(rows.filter((r) => r.active && r.role !== 'GRASSROOTS' && pathInSubtree(r.path, unit.path)).map((r) => r.id));
      if (ids.some((id) => !ok.has(id))) throw badInput({ assignments: 'Chỉ phân công được cán bộ đang hoạt động của đơn vị' });
    }
    try {
      return await this.db.transaction(async (m) => {
        // One saver at a time per unit and year: the version numbers follow each other without gaps.
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('work_plan:' || $1 || ':' || $2))`, [unit.id, input.year]);
        const [{ v }] = await m.query(`SELECT coalesce(max(version), 0)::int AS v FROM work_plan WHERE org_unit_id = $1 AND year = $2`, [unit.id, input.year]);
        if (base !== null && base !== undefined && base !== v) throw conflict(PLAN_CHANGED, { currentVersion: v });
        const [row] = await m.query(
          `INSERT INTO work_plan (org_unit_id, year, version, number, issued_on, title, new_members, new_grassroots_unions, coverage_percent, saved_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [unit.id, input.year, v + 1, number, input.issuedOn, title, input.newMembers ?? null, input.newGrassrootsUnions ?? null, pct ?? null, actor.userId],
        );
        for (const [i, a] of assignments.entries()) {
          await m.query(
            `INSERT INTO work_plan_assignment (plan_id, officer_id, position, duty, new_members, new_grassroots_unions) VALUES ($1, $2, $3, $4, $5, $6)`,
            [row.id, a.officerId, i, a.duty, a.newMembers ?? null, a.newGrassrootsUnions ?? null],
          );
          if (a.newMembers !== undefined || a.newGrassrootsUnions !== undefined)
            await upsertTarget(m, actor, { year: input.year, officerId: a.officerId, newMembers: a.newMembers, newGrassrootsUnions: a.newGrassrootsUnions });
        }
        await upsertTarget(m, actor, {
          year: input.year,
          orgUnitId: unit.id,
          newMembers: input.newMembers,
          newGrassrootsUnions: input.newGrassrootsUnions,
          coveragePercent: pct,
        });
        return (await this.load(m, unit.id, input.year, v + 1))[0];
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(PLAN_CHANGED);
      throw e;
    }
  }

  /** One version, the latest (null), or every version newest first ('all'). */
  private async load(m: DataSource | EntityManager, unitId: string, year: number, version: number | null | 'all'): Promise<PlanView[]> {
    const which =
      version === 'all'
        ? ''
        : version === null
          ? 'AND p.version = (SELECT max(version) FROM work_plan WHERE org_unit_id = $1 AND year = $2)'
          : 'AND p.version = $3';
    const rows = await m.query(
      `SELECT p.*, (p.version = (SELECT max(version) FROM work_plan x WHERE x.org_unit_id = p.org_unit_id AND x.year = p.year)) AS latest,
              coalesce((SELECT json_agg(json_build_object('officerId', a.officer_id, 'officerName', u.full_name, 'duty', a.duty,
                 'newMembers', a.new_members, 'newGrassrootsUnions', a.new_grassroots_unions) ORDER BY a.position)
                 FROM work_plan_assignment a JOIN app_user u ON u.id = a.officer_id WHERE a.plan_id = p.id), '[]') AS assignments
         FROM work_plan p WHERE p.org_unit_id = $1 AND p.year = $2 ${which} ORDER BY p.version DESC`,
      version === null || version === 'all' ? [unitId, year] : [unitId, year, version],
    );
    return (rows as PlanRow[]).map((r): PlanView => ({
      id: r.id,
      orgUnitId: r.org_unit_id,
      year: r.year,
      version: r.version,
      latest: r.latest,
      number: r.number,
      issuedOn: r.issued_on,
      title: r.title,
      newMembers: r.new_members,
      newGrassrootsUnions: r.new_grassroots_unions,
      coveragePercent: r.coverage_percent === null ? null : Number(r.coverage_percent),
      assignments: r.assignments,
      savedById: r.saved_by,
      savedAt: r.saved_at,
    }));
  }
}

interface PlanRow {
  id: string;
  org_unit_id: string;
  year: number;
  version: number;
  latest: boolean;
  number: string;
  issued_on: string;
  title: string;
  new_members: number | null;
  new_grassroots_unions: number | null;
  coverage_percent: string | null;
  assignments: PlanAssignmentView[];
  saved_by: string;
  saved_at: Date;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput({ year: RULE.between('year', 2000, 2100) });
}
