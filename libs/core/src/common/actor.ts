export enum Role {
  ADMIN = 'ADMIN',
  SUPERVISOR = 'SUPERVISOR',
  OFFICER = 'OFFICER',
  /** The chair or a committee member of one CĐCS (its unit): its own register only. */
  GRASSROOTS = 'GRASSROOTS',
}

/** The authenticated caller, as every service sees it. `orgPath` is its unit's path in the org tree. */
export interface Actor {
  userId: string;
  role: Role;
  orgUnitId: string;
  orgPath: string;
  fullName: string;
  email: string;
  /** After a password reset: until changed, the API allows only `me` and `changePassword`. */
  mustChangePassword?: boolean;
}

/** True when `path` lies in the subtree rooted at `rootPath` (paths are ids joined by '.'). */
export function pathInSubtree(path: string, rootPath: string): boolean {
  return path === rootPath || path.startsWith(`${rootPath}.`);
}

/** SQL LIKE pattern for the strict subtree below a path (the path itself is compared separately). */
export function subtreeLike(rootPath: string): string {
  return `${rootPath.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`;
}

/** Admins see every unit; supervisors and officers their own unit's subtree (officers act only on their assigned cases: canActOnCase below). See docs/architecture.md#scope-and-authorization. */
export function canSeeUnit(actor: Actor, unitPath: string): boolean {
  if (actor.role === Role.ADMIN) return true;
  return pathInSubtree(unitPath, actor.orgPath);
}

/** Founding cases: officers act on the cases assigned to them; supervisors in their subtree; admins everywhere. */
export function canActOnCase(actor: Actor, c: { assigneeId: string | null }, orgPath: string): boolean {
  if (actor.role === Role.ADMIN) return true;
  if (actor.role === Role.OFFICER) return c.assigneeId === actor.userId;
  return canSeeUnit(actor, orgPath);
}
