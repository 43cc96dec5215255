import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FOCUS_WORKER_THRESHOLD } from '@app/domain';
import { Actor, canSeeUnit, pathInSubtree } from '../common/actor';
import { badInput, conflict, notFound } from '../common/app-error';
import { OrgUnitsService } from '../identity/org-units.service';
import { assertMayRead } from './plan-scope';
import { viOrder } from '../common/vietnamese-order';

export interface SaveOfficerArea {
  officerId: string;
  enterpriseIds?: string[] | null;
  districts?: string[] | null;
  shared?: boolean | null;
}
export interface AreaEnterpriseView {
  id: string;
  name: string;
  district: string | null;
  workerCount: number;
  hasUnion: boolean;
}
export interface OfficerAreaView {
  officerId: string;
  officerName: string;
  orgUnitId: string;
  shared: boolean;
  /** The enterprises listed by name. */
  enterprises: AreaEnterpriseView[];
  districts: string[];
  /** Every operating enterprise the area holds (listed, or in one of its districts). */
  enterpriseCount: number;
  /** Of those, the ones with ≥ 25 workers, and of these the ones with a union. */
  focus: number;
  focusWithUnion: number;
  /** focusWithUnion / focus in percent (two decimals); null when focus is 0. */
  coveragePercent: number | null;
}

const MAX_LISTED = 2000;
const MAX_DISTRICTS = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Each officer's area (địa bàn): enterprises by name and/or districts/communes (the register's "Huyện/Xã" field, matched
 * without case or diacritics). Overlapping areas are refused unless both are marked shared. A new founding case
 * defaults its assignee to the area's officer (CasesService.open). See docs/architecture.md#plan-areas-and-budget.
 */
@Injectable()
export class OfficerAreasService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orgUnits: OrgUnitsService,
  ) {}

  async list(actor: Actor, orgUnitId: string): Promise<OfficerAreaView[]> {
    const unit = await this.orgUnits.getVisible(actor, orgUnitId);
    assertMayRead(actor, unit);
    return this.load(this.db, unit.id, null);
  }

  async save(actor: Actor, input: SaveOfficerArea): Promise<OfficerAreaView> {
    const problems: Record<string, string> = {};
    if (!input.officerId) problems.officerId = 'Cán bộ không được để trống';
    else if (!UUID.test(input.officerId)) problems.officerId = 'Mã cán bộ không hợp lệ';
    const enterpriseIds = [...new Set(input.enterpriseIds ?? [])];
    if (enterpriseIds.length > MAX_LISTED) problems.enterpriseIds = `Không được quá ${MAX_LISTED} doanh nghiệp`;
    else if (enterpriseIds.some((id) => !UUID.test(id))) problems.enterpriseIds = 'Mã doanh nghiệp không hợp lệ';
    const districts = (input.districts ?? []).map((d) => (d ?? '').normalize('NFC').trim());
    if (districts.length > MAX_DISTRICTS) problems.districts = `Không được quá ${MAX_DISTRICTS} huyện/xã`;
    else if (districts.some((d) => !d || d.length > 120)) problems.districts = 'Mỗi huyện/xã phải có từ 1 đến 120 ký tự';
    if (Object.keys(problems).length) throw badInput(problems);

    const [officer] = await this.db.query(
      `SELECT u.id, u.role, u.active, u.full_name, o.id AS unit_id, o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1`,
      [input.officerId],
    );
    if (!officer || !canSeeUnit(actor, officer.path)) throw notFound('officer');
    if (officer.role !== 'OFFICER' || !officer.active) throw badInput({ officerId: 'Chỉ giao địa bàn cho cán bộ (vai trò cán bộ) đang hoạt động' });
    const folds: string[] = districts.length
      ? (await this.db.query(`SELECT array_agg(vn_fold(x) ORDER BY n) AS f FROM unnest($1::text[]) WITH ORDINALITY AS t(x, n)`, [districts]))[0].f
      : [];
    if (new Set(folds).size !== folds.length) throw badInput({ districts: 'Mỗi huyện/xã chỉ được ghi một lần' });
    if (enterpriseIds.length) {
      const rows: { id: string; path: string }[] = await this.db.query(
        `SELECT e.id, o.path FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id WHERE e.id::text = ANY($1::text[])`,
        [enterpriseIds],
      );
      const ok = new Set(rows.filter((r) => pathInSubtree(r.path, officer.path)).map((r) => r.id));
      if (enterpriseIds.some((id) => !ok.has(id))) throw badInput({ enterpriseIds: 'Chỉ giao được doanh nghiệp thuộc đơn vị của cán bộ' });
    }
    const shared = input.shared === true;

    return this.db.transaction(async (m) => {
      // Area saves one at a time: the overlap check below sees every committed area (they are rare writes).
      await m.query(`LOCK TABLE officer_area IN SHARE ROW EXCLUSIVE MODE`);
      const overlaps: { officer_name: string; what: string }[] = await m.query(
        `WITH new_set AS (
           SELECT e.id FROM enterprise e WHERE e.id = ANY($1::uuid[])
           UNION
           SELECT e.id FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id
            WHERE (o.path = $2 OR o.path LIKE $2 || '.%') AND vn_fold(btrim(e.district)) = ANY($3::text[])
         ), others AS (
           SELECT a.officer_id, a.org_unit_id, ao.path FROM officer_area a JOIN org_unit ao ON ao.id = a.org_unit_id
            WHERE a.officer_id <> $4 AND NOT ($5 AND a.shared)
         ), other_set AS (
           SELECT x.officer_id, ae.enterprise_id AS id FROM others x JOIN officer_area_enterprise ae ON ae.officer_id = x.officer_id
           UNION
           SELECT x.officer_id, e.id FROM others x JOIN officer_area_district d ON d.officer_id = x.officer_id
             JOIN enterprise e ON vn_fold(btrim(e.district)) = d.district_fold JOIN org_unit eo ON eo.id = e.org_unit_id
            WHERE eo.path = x.path OR eo.path LIKE x.path || '.%'
         )
         SELECT u.full_name AS officer_name, e.name AS what FROM other_set s JOIN new_set n ON n.id = s.id
           JOIN app_user u ON u.id = s.officer_id JOIN enterprise e ON e.id = s.id
         UNION
         SELECT u.full_name, d.district FROM others x JOIN officer_area_district d ON d.officer_id = x.officer_id JOIN app_user u ON u.id = x.officer_id
          WHERE x.org_unit_id = $6 AND d.district_fold = ANY($3::text[])
         ORDER BY 1, 2 LIMIT 6`,
        [enterpriseIds, officer.path, folds, officer.id, shared, officer.unit_id],
      );
      if (overlaps.length) {
        const list = overlaps
          .slice(0, 5)
          .map((o) => `${o.what} (${o.officer_name})`)
          .join(', ');
        const message = `Địa bàn trùng với địa bàn của cán bộ khác: ${list}${overlaps.length > 5 ? '…' : ''}. Hãy bỏ phần trùng, hoặc đánh dấu cả hai địa bàn là dùng chung`;
        throw conflict(message, { fields: ['enterpriseIds', 'districts'], messages: { enterpriseIds: message, districts: message } });
      }
      await m.query(
        `INSERT INTO officer_area (officer_id, org_unit_id, shared, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (officer_id) DO UPDATE SET org_unit_id = EXCLUDED.org_unit_id, shared = EXCLUDED.shared, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [officer.id, officer.unit_id, shared, actor.userId],
      );
      await m.query(`DELETE FROM officer_area_enterprise WHERE officer_id = $1`, [officer.id]);
      await m.query(`DELETE FROM officer_area_district WHERE officer_id = $1`, [officer.id]);
      if (enterpriseIds.length)
        await m.query(`INSERT INTO officer_area_enterprise (officer_id, enterprise_id) SELECT $1, unnest($2::uuid[])`, [officer.id, enterpriseIds]);
      if (districts.length)
        await m.query(
          `INSERT INTO officer_area_district (officer_id, district, district_fold) SELECT $1, d, f FROM unnest($2::text[], $3::text[]) AS t(d, f)`,
          [officer.id, districts, folds],
        );
      return (await this.load(m, officer.unit_id, officer.id))[0];
    });
  }

  /** The areas of a unit's officers as `m` sees them (no scope check: the caller's, e.g. a review meeting's snapshot). */
  async areasOf(m: DataSource | EntityManager, unitId: string): Promise<OfficerAreaView[]> {
    return this.load(m, unitId, null);
  }

  /** The areas of a unit's officers (or one officer's), with their coverage of the enterprises with ≥ 25 workers. */
  private async load(m: DataSource | EntityManager, unitId: string, officerId: string | null): Promise<OfficerAreaView[]> {
    const rows = await m.query(
      `WITH areas AS (
         SELECT a.officer_id, a.org_unit_id, a.shared, ao.path, u.full_name FROM officer_area a
           JOIN org_unit ao ON ao.id = a.org_unit_id JOIN app_user u ON u.id = a.officer_id
          WHERE a.org_unit_id = $1 AND ($2::uuid IS NULL OR a.officer_id = $2)
       ), held AS (
         SELECT x.officer_id, ae.enterprise_id AS id FROM areas x JOIN officer_area_enterprise ae ON ae.officer_id = x.officer_id
         UNION
         SELECT x.officer_id, e.id FROM areas x JOIN officer_area_district d ON d.officer_id = x.officer_id
           JOIN enterprise e ON vn_fold(btrim(e.district)) = d.district_fold JOIN org_unit eo ON eo.id = e.org_unit_id
          WHERE eo.path = x.path OR eo.path LIKE x.path || '.%'
       )
       SELECT x.officer_id, x.full_name, x.org_unit_id, x.shared,
              (SELECT count(*)::int FROM held h JOIN enterprise e ON e.id = h.id WHERE h.officer_id = x.officer_id AND e.closed_on IS NULL) AS enterprise_count,
              (SELECT count(*)::int FROM held h JOIN enterprise e ON e.id = h.id WHERE h.officer_id = x.officer_id AND e.closed_on IS NULL AND e.worker_count >= ${FOCUS_WORKER_THRESHOLD}) AS focus,
              (SELECT count(*)::int FROM held h JOIN enterprise e ON e.id = h.id WHERE h.officer_id = x.officer_id AND e.closed_on IS NULL AND e.worker_count >= ${FOCUS_WORKER_THRESHOLD} AND e.has_union) AS focus_with_union,
              coalesce((SELECT json_agg(json_build_object('id', e.id, 'name', e.name, 'district', e.district, 'workerCount', e.worker_count, 'hasUnion', e.has_union) ORDER BY ${viOrder('e.name')})
                 FROM officer_area_enterprise ae JOIN enterprise e ON e.id = ae.enterprise_id WHERE ae.officer_id = x.officer_id), '[]') AS enterprises,
              coalesce((SELECT array_agg(d.district ORDER BY ${viOrder('d.district')}) FROM officer_area_district d WHERE d.officer_id = x.officer_id), '{}') AS districts
         FROM areas x ORDER BY ${viOrder('x.full_name')}, x.officer_id`,
      [unitId, officerId],
    );
    return (rows as AreaRow[]).map((r): OfficerAreaView => ({
      officerId: r.officer_id,
      officerName: r.full_name,
      orgUnitId: r.org_unit_id,
      shared: r.shared,
      enterprises: r.enterprises,
      districts: r.districts,
      enterpriseCount: r.enterprise_count,
      focus: r.focus,
      focusWithUnion: r.focus_with_union,
      coveragePercent: r.focus ? Math.round((r.focus_with_union * 10_000) / r.focus) / 100 : null,
    }));
  }
}

interface AreaRow {
  officer_id: string;
  full_name: string;
  org_unit_id: string;
  shared: boolean;
  enterprise_count: number;
  focus: number;
  focus_with_union: number;
  enterprises: AreaEnterpriseView[];
  districts: string[];
}
