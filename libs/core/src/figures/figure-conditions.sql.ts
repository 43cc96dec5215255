import { DayRange } from '@app/domain';
import { subtreeLike } from '../common/actor';
import { SqlParams } from '../common/sql-params';
import { ScopeUnit } from './figure-types';

/** The ids of the units of `unit`'s subtree today, as a subquery. */
export function subtreeUnits(p: SqlParams, unit: ScopeUnit): string {
  return `(SELECT id FROM org_unit WHERE path = ${p.add(unit.path)} OR path LIKE ${p.add(subtreeLike(unit.path))})`;
}

/**
 * The ids of the units in `unit`'s subtree on `day` (an SQL date expression or parameter), by the spans in force
 * that day (docs/architecture.md#restructuring). A dissolved unit keeps a span under its last parent, so its past
 * work still counts there.
 */
export function subtreeUnitsOn(p: SqlParams, unit: ScopeUnit, day: string): string {
  return `(SELECT s.unit_id AS id FROM org_unit_span s WHERE s.lineage @> ARRAY[${p.add(unit.id)}::uuid] AND s.valid_from <= ${day}::date
            AND (s.valid_to IS NULL OR s.valid_to > ${day}::date))`;
}

/** The units of `unit`'s subtree today that no restructuring ever moved: their figures may come from the tallies. */
export function stableSubtreeUnits(p: SqlParams, unit: ScopeUnit): string {
  return `(SELECT id FROM org_unit WHERE (path = ${p.add(unit.path)} OR path LIKE ${p.add(subtreeLike(unit.path))}) AND NOT restructured)`;
}

/** `unitCol` (a unit id) was in `unit`'s subtree on the day in `dayCol`, by the span in force that day. */
export function underOn(p: SqlParams, unit: ScopeUnit, unitCol: string, dayCol: string): string {
  return `EXISTS (SELECT 1 FROM org_unit_span s WHERE s.unit_id = ${unitCol} AND s.valid_from <= ${dayCol} AND (s.valid_to IS NULL OR s.valid_to > ${dayCol})
                  AND s.lineage @> ARRAY[${p.add(unit.id)}::uuid])`;
}

/** The cases (`c`) of `unit`'s subtree today. */
export function inScope(p: SqlParams, unit: ScopeUnit): string {
  return `c.org_unit_id IN ${subtreeUnits(p, unit)}`;
}

/**
 * The cases (`c`, with org_unit_id, and id unless `frozen`) of `unit`'s subtree on `day` (a parameter): each case
 * at the unit it had that day (a restructuring may have moved an open case since: unit_reassignment), that unit
 * where the spans of that day put it. `frozen`: the rows carry the unit of that day already (a period close).
 */
export function inScopeOn(p: SqlParams, unit: ScopeUnit, day: string, frozen: boolean): string {
  const units = subtreeUnitsOn(p, unit, day);
  return frozen ? `c.org_unit_id IN ${units}` : atUnitOn('CASE', 'c.id', 'c.org_unit_id', units, day);
}

/**
 * The row (`idCol`, now at `unitCol`) sat on `day` in one of `units`: where it is now unless a restructuring moved it
 * after that day (unit_reassignment: then where the first such move took it from).
 */
export function atUnitOn(subject: 'CASE' | 'USER' | 'ENTERPRISE', idCol: string, unitCol: string, units: string, day: string): string {
  // (moved after the day: few rows, from IDX_unit_reassignment_day)
  const movedAfter = `SELECT DISTINCT ON (r.subject_id) r.subject_id, r.from_unit_id FROM unit_reassignment r
                       WHERE r.subject = '${subject}' AND r.effective_on > ${day}::date ORDER BY r.subject_id, r.effective_on, r.id`;
  return `((${unitCol} IN ${units} AND ${idCol} NOT IN (SELECT r.subject_id FROM unit_reassignment r WHERE r.subject = '${subject}' AND r.effective_on > ${day}::date))
           OR ${idCol} IN (SELECT x.subject_id FROM (${movedAfter}) x WHERE x.from_unit_id IN ${units}))`;
}

/** `col` (a date) in one of the ranges. */
export function inRanges(p: SqlParams, col: string, ranges: DayRange[]): string {
  return `(${ranges.map((d) => `${col} BETWEEN ${p.add(d.from)}::date AND ${p.add(d.to)}::date`).join(' OR ')})`;
}
