import { RawRow } from '../common/prepared-sql';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrgUnitEntity } from '@app/persistence';
import { Actor, Role, canSeeUnit, subtreeLike } from '../common/actor';
import { OPEN_STAGES_SQL } from '../common/open-stages.sql';
import { MAX_NAME } from '../common/text-input';
import { CalendarService } from '../calendar/calendar.service';
import { FieldProblems, isUuid, refused, unitNotFound } from './account-errors';
import { checkEstablishedOn } from './unit-days';
import { nameTaken, sameNamedSibling } from './unit-names';
import { viOrder } from '../common/vietnamese-order';

export interface RenameOrgUnit {
  id: string;
  name: string;
  /** A correction of the founding day; absent: kept. */
  establishedOn?: string | null;
}

/** A unit's own figures at a glance (the unit itself, not its subtree). */
export interface OrgUnitHeadFigures {
  orgUnitId: string;
  enterprises25Plus: number;
  withUnion: number;
  openCases: number;
  overdueCases: number;
  activeUsers: number;
  childCount: number;
}

/** The columns of a unit row that unitFromRow reads (SELECT … FROM org_unit). */
export const UNIT_ROW_COLUMNS = 'id, name, kind, parent_id, path, dissolved_at, established_on, created_at';

/** A unit entity from a raw row of UNIT_ROW_COLUMNS (the trees of today and of a past day). */
export function unitFromRow(db: DataSource, r: RawRow): OrgUnitEntity {
  return db.getRepository(OrgUnitEntity).create({
    id: r.id,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    path: r.path,
    dissolvedAt: r.dissolved_at,
    establishedOn: r.established_on,
    createdAt: r.created_at,
  });
}

/** Units one orgUnitTree answers at most; a bigger tree is asked for from a lower root. */
export const MAX_TREE_UNITS = 5000;

/** The organisation page: renaming units, the visible tree in one read, each unit's head figures. */
@Injectable()
export class OrgStructureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  /** ADMIN: any unit. SUPERVISOR: a unit strictly below its own (its own unit: FORBIDDEN; above or elsewhere: NOT_FOUND). */
  async rename(actor: Actor, input: RenameOrgUnit): Promise<OrgUnitEntity> {
    const problems = new FieldProblems();
    const name = (input.name ?? '').normalize('NFC').trim();
    if (!name) problems.add('name', 'Tên đơn vị không được để trống');
    else if (name.length > MAX_NAME) problems.add('name', `Tên đơn vị không được dài quá ${MAX_NAME} ký tự`);
    if (input.establishedOn != null) checkEstablishedOn(problems, input.establishedOn, this.calendar.today());
    problems.throwIfAny();
    const repo = this.db.getRepository(OrgUnitEntity);
    const unit = isUuid(input.id) ? await repo.findOneBy({ id: input.id }) : null;
    if (!unit || !canSeeUnit(actor, unit.path)) throw unitNotFound();
    if (actor.role === Role.OFFICER) throw refused('Cán bộ không được đổi tên đơn vị');
    if (actor.role === Role.SUPERVISOR && unit.id === actor.orgUnitId) {
      throw refused('Giám sát viên chỉ đổi tên được các đơn vị cấp dưới của đơn vị mình', 'OWN_UNIT');
    }
    // A correction of today's name, not a dated renaming (renameOrgUnit): the open span takes it too.
    await this.db.transaction(async (m) => {
      const taken = unit.parentId ? await sameNamedSibling(m, unit.parentId, name, [unit.id]) : null;
      if (taken) throw nameTaken(taken.name);
      await m.query(`UPDATE org_unit SET name = $2, established_on = coalesce($3::date, established_on) WHERE id = $1`, [
        unit.id,
        name,
        input.establishedOn ?? null,
      ]);
      await m.query(`UPDATE org_unit_span SET name = $2 WHERE unit_id = $1 AND valid_to IS NULL`, [unit.id, name]);
    });
    unit.name = name;
    if (input.establishedOn != null) unit.establishedOn = input.establishedOn;
    return unit;
  }

  /**
   * The subtree under `rootId` (default: the caller's own unit) in one read, parents before children
   * (by depth, then name): ADMIN and SUPERVISOR within their scope, an OFFICER its own unit only.
   */
  async tree(actor: Actor, rootId?: string | null): Promise<OrgUnitEntity[]> {
    const id = rootId ?? actor.orgUnitId;
    const [root] = isUuid(id) ? await this.db.query(`SELECT id, path FROM org_unit WHERE id = $1`, [id]) : [];
    if (!root || !canSeeUnit(actor, root.path)) throw unitNotFound();
    if (actor.role === Role.OFFICER && root.id !== actor.orgUnitId) throw unitNotFound();
    const rows: RawRow[] =
      actor.role === Role.OFFICER
        ? await this.db.query(`SELECT ${UNIT_ROW_COLUMNS} FROM org_unit WHERE id = $1`, [root.id])
        : await this.db.query(
            `SELECT ${UNIT_ROW_COLUMNS} FROM org_unit WHERE path = $1 OR path LIKE $2
          ORDER BY length(path) - length(replace(path, '.', '')), ${viOrder('name')}, id LIMIT ${MAX_TREE_UNITS + 1}`,
            [root.path, subtreeLike(root.path)],
          );
    if (rows.length > MAX_TREE_UNITS) {
      throw new FieldProblems().add('rootId', `Cây có hơn ${MAX_TREE_UNITS} đơn vị; hãy chọn một đơn vị gốc ở cấp thấp hơn`).error();
    }
    return rows.map((r) => unitFromRow(this.db, r));
  }

  /**
   * Head figures of each unit, in one statement: enterprises with ≥ 25 workers and those with a union
   * (enterprise_tally), open and overdue founding cases, active users and child units, each of the
   * unit itself (not its subtree). Unscoped: for units the caller was already allowed to see.
   */
  async headFigures(unitIds: readonly string[]): Promise<OrgUnitHeadFigures[]> {
    if (!unitIds.length) return [];
    const rows: RawRow[] = await this.db.query(
      `SELECT u.id, coalesce(t.focus, 0)::int AS focus, coalesce(t.focus_with_union, 0)::int AS focus_with_union,
              c.open_cases, c.overdue_cases,
              (SELECT count(*)::int FROM app_user a WHERE a.org_unit_id = u.id AND a.active) AS active_users,
              (SELECT count(*)::int FROM org_unit ch WHERE ch.parent_id = u.id) AS child_count
         FROM unnest($1::uuid[]) AS u(id)
         LEFT JOIN enterprise_tally t ON t.org_unit_id = u.id
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS open_cases, (count(*) FILTER (WHERE f.stage_due_on < $2))::int AS overdue_cases
             FROM founding_case f WHERE f.org_unit_id = u.id AND f.stage IN ${OPEN_STAGES_SQL}) c`,
      [[...new Set(unitIds)], this.calendar.today()],
    );
    return rows.map((r) => ({
      orgUnitId: r.id,
      enterprises25Plus: r.focus,
      withUnion: r.focus_with_union,
      openCases: r.open_cases,
      overdueCases: r.overdue_cases,
      activeUsers: r.active_users,
      childCount: r.child_count,
    }));
  }
}
