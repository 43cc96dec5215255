import { createHash } from 'node:crypto';
import { AuditContext } from '@app/persistence';

/** Who a job's audit row names when no user asked for the work (a scheduled run): no id, this role. */
export const SYSTEM_ROLE = 'SYSTEM';

export interface AuditUser {
  id: string;
  email: string;
  role: string;
  org_unit_id: string | null;
}

/** A stable audit key (a v5-shaped UUID) of an operation and a seed: a retried job writes into the same row. */
export function auditKeyOf(operation: string, keySeed: string): string {
  const h = createHash('sha1').update(`${operation}:${keySeed}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The audit context of a job's work: attributed to `user`, or to the system when none. */
export function jobAuditContext(operation: string, keySeed: string, user: AuditUser | null | undefined): AuditContext {
  return {
    key: auditKeyOf(operation, keySeed),
    operation,
    actorId: user?.id ?? null,
    actorEmail: user?.email ?? null,
    actorRole: user?.role ?? SYSTEM_ROLE,
    actorUnitId: user?.org_unit_id ?? null,
    ip: null,
    requestId: null,
  };
}

/** What `query` needs: an EntityManager or a QueryRunner of the work's transaction. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Writes the context's audit row naming `entity` / `entityId` in the caller's transaction, before its changes
 * (whose triggers then find the row and only add their changes): the row names the job's subject, e.g. the
 * structure change applied, not the first table it happened to touch.
 */
export async function openAuditRow(q: Queryable, ctx: AuditContext, entity: string, entityId: string): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (key, actor_id, actor_email, actor_role, actor_unit_id, operation, entity, entity_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING`,
    [ctx.key, ctx.actorId, ctx.actorEmail, ctx.actorRole, ctx.actorUnitId, ctx.operation, entity, entityId],
  );
}
