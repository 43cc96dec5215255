import { useMemo } from 'react';
import { gql } from './api';
import { buildTree, unitOptions } from './pages/org/tree';
import { Q, type OrgUnit, type Role, type UnitUser } from './queries';
import { ORG } from './queries-accounts';
import { useAsync } from './ui/use-async';

/** Live upper-level units of the caller's subtree (where cases live), for filters and forms: a dissolved one has nothing to pick. */
export function useUnits() {
  return useAsync(async () => (await gql(Q.orgUnits)).orgUnits.filter((u) => u.kind !== 'GRASSROOTS' && !u.dissolvedAt), []);
}

/**
 * The active users of the given units (the `users` query, one call per unit; `role` narrows it), by name.
 * Pickers list people from here rather than from the cases loaded, so a new officer with no case yet is offered.
 */
export function useUnitUsers(units: Pick<OrgUnit, 'id'>[], role?: Role) {
  return useAsync(async () => {
    const lists = await Promise.all(units.map(async (u) => (await gql(Q.users, { u: u.id, r: role ?? null })).users));
    const m = new Map<string, UnitUser>();
    for (const o of lists.flat()) m.set(o.id, o);
    return [...m.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  }, [units.map((u) => u.id).join(','), role]);
}

/** The kinds of unit an enterprise register belongs to (the API refuses the others). */
export const REGISTER_HOLDERS: readonly string[] = ['UPPER_LEVEL', 'FEDERATION'];

/**
 * The units the caller oversees (orgUnitTree, the whole subtree), as picker options in tree order;
 * `upperOnly`: without grassroots unions (enterprises belong to an upper-level union or a federation).
 */
export function useUnitTreeOptions(upperOnly: boolean | 'registers' = false) {
  const tree = useAsync(async () => (await gql(ORG.lines)).orgUnitTree, []);
  // 'registers': only the units that keep an enterprise register (an upper-level union, a federation).
  const keep = (kind: string) => (upperOnly === 'registers' ? REGISTER_HOLDERS.includes(kind) : !upperOnly || kind !== 'GRASSROOTS');
  const options = useMemo(() => unitOptions(buildTree(tree.data ?? []), (u) => keep(u.kind)), [tree.data, upperOnly]);
  return { options, loading: tree.loading, error: tree.error };
}
