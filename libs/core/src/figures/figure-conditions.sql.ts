import { DayRange } from '@app/domain';
import { subtreeLike } from '../common/actor';
import { SqlParams } from '../common/sql-params';
import { ScopeUnit } from './figure-types';

/** The ids of the units of `unit`'s subtree, as a subquery. */
export function subtreeUnits(p: SqlParams, unit: ScopeUnit): string {
  return `(SELECT id FROM org_unit WHERE path = ${p.add(unit.path)} OR path LIKE ${p.add(subtreeLike(unit.path))})`;
}

/** The cases (`c`) of `unit`'s subtree. */
export function inScope(p: SqlParams, unit: ScopeUnit): string {
  return `c.org_unit_id IN ${subtreeUnits(p, unit)}`;
}

/** `col` (a date) in one of the ranges. */
export function inRanges(p: SqlParams, col: string, ranges: DayRange[]): string {
  return `(${ranges.map((d) => `${col} BETWEEN ${p.add(d.from)}::date AND ${p.add(d.to)}::date`).join(' OR ')})`;
}
