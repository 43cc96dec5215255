import { gql } from './api';
import { Q, type OrgUnit, type Role, type UnitUser } from './queries';
import { useAsync } from './ui/use-async';

/** Upper-level units of the caller's subtree (where cases live), for filters and forms. */
export function useUnits() {
  return useAsync(async () => (await gql(Q.orgUnits)).orgUnits.filter((u) => u.kind !== 'GRASSROOTS'), []);
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
