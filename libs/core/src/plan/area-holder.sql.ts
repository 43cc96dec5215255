import { DataSource, EntityManager } from 'typeorm';

/**
 * The active officers whose area holds each enterprise: listed by name (rank 1) or through its district/commune
 * (rank 2; an area's districts reach the enterprises of its officer's unit subtree). See
 * docs/architecture.md#plan-areas-and-budget.
 */
export const AREA_HOLDERS_SQL = `
  SELECT ae.enterprise_id, a.officer_id, 1 AS rank
    FROM officer_area_enterprise ae JOIN officer_area a ON a.officer_id = ae.officer_id JOIN app_user u ON u.id = a.officer_id
   WHERE ae.enterprise_id = ANY($1::uuid[]) AND u.active
  UNION ALL
  SELECT e.id, a.officer_id, 2
    FROM enterprise e JOIN org_unit eo ON eo.id = e.org_unit_id
    JOIN officer_area_district d ON d.district_fold = vn_fold(btrim(e.district))
    JOIN officer_area a ON a.officer_id = d.officer_id JOIN org_unit ao ON ao.id = a.org_unit_id JOIN app_user u ON u.id = a.officer_id
   WHERE e.id = ANY($1::uuid[]) AND u.active AND (eo.path = ao.path OR eo.path LIKE ao.path || '.%')`;

/**
 * The officer responsible for each enterprise: the one area listing it by name, else the one area holding its
 * district. Two areas at the same rank (shared areas): nobody (the enterprise gets no default officer).
 */
export async function areaOfficersOf(m: DataSource | EntityManager, enterpriseIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!enterpriseIds.length) return out;
  const rows: { enterprise_id: string; officer_id: string; rank: number }[] = await m.query(AREA_HOLDERS_SQL, [enterpriseIds]);
  const best = new Map<string, { rank: number; officers: Set<string> }>();
  for (const r of rows) {
    const b = best.get(r.enterprise_id);
    if (!b || r.rank < b.rank) best.set(r.enterprise_id, { rank: r.rank, officers: new Set([r.officer_id]) });
    else if (r.rank === b.rank) b.officers.add(r.officer_id);
  }
  for (const [id, b] of best) if (b.officers.size === 1) out.set(id, [...b.officers][0]);
  return out;
}
