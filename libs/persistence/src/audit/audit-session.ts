import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';

/**
 * Who does what, for the audit triggers (docs/architecture.md#audit-log). The API runs each audited operation
 * inside `auditContext.run(ctx, …)`; every statement sent while it is active runs on a connection whose
 * session setting `cdcs.audit` holds the context, which the row triggers of the audited tables read.
 */
export interface AuditContext {
  /** One per audited operation: the audit_log row's key, which its changes point to. */
  key: string;
  operation: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  actorUnitId: string | null;
  ip: string | null;
  requestId: string | null;
}

export const auditContext = new AsyncLocalStorage<AuditContext>();

const TAG = Symbol('cdcs.audit');
type Tagged = Client & { [TAG]?: string };
let installed = false;

/**
 * Whether a statement sent outside any context must first clear a connection's stale tag: anything but a plain
 * read or a transaction's own bookkeeping (a stale tag on those fires no trigger), so that reads after a mutation
 * cost no extra round trip. BEGIN counts as a write: the tag is cleared before a transaction starts, never between
 * its START and its SET TRANSACTION (which must come first).
 */
function mayWrite(text: string | undefined): boolean {
  if (typeof text !== 'string') return true;
  return !/^\s*(SELECT|SHOW|SET|COMMIT|ROLLBACK|RELEASE|SAVEPOINT)\b/i.test(text) || /\b(INSERT|UPDATE|DELETE|MERGE)\b/i.test(text);
}

/**
 * Tags every pg connection with the audit context of the code sending a statement through it: before the first
 * statement of another context (or of none), one `set_config('cdcs.audit', …, false)` is queued ahead of it on
 * the same connection, so the setting is in place whether the statement is autocommit or opens a transaction.
 * A ROLLBACK undoes a set_config made inside the transaction, so it forgets the tag. Outside any context a tag is
 * cleared only before a statement that may write (`mayWrite`).
 */
export function installAuditSessionTagging(): void {
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the connection as `this`
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  (Client.prototype as { query: unknown }).query = function (this: Tagged, ...args: unknown[]): unknown {
    const ctx = auditContext.getStore();
    const want = ctx ? JSON.stringify(ctx) : '';
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
    if ((this[TAG] ?? '') !== want && (ctx || mayWrite(text))) {
      this[TAG] = want;
      const tagged = original.call(this, { text: `SELECT set_config('cdcs.audit', $1, false)`, values: [want] }) as Promise<unknown>;
      tagged.catch(() => {
        this[TAG] = undefined;
      });
    }
    if (typeof text === 'string' && /^\s*ROLLBACK/i.test(text)) this[TAG] = undefined;
    return original.apply(this, args);
  };
}
