import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';
import { AUDIT_ROW_NOTICE } from '../migrations/1795496897650-audit-faster-capture';
import { watchServerNotices } from '../server-notices';

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
/** The context of the last statement a connection ran under one, to which its audit-row notice belongs. */
const CTX = Symbol('cdcs.audit.ctx');
const LISTENING = Symbol('cdcs.audit.listening');
type Tagged = Client & { [TAG]?: string; [CTX]?: AuditContext; [LISTENING]?: true };
let installed = false;
const NOTICE_PREFIX = `${AUDIT_ROW_NOTICE} `;

/** Operations whose audit_log row a trigger wrote, by a statement that neither failed nor was rolled back since. */
const rowWritten = new WeakMap<AuditContext, true>();

/**
 * Whether a row trigger wrote the operation's audit_log row (audit_capture's notice, carried by the statement's own
 * answer) and nothing undid it since: any failed statement or ROLLBACK sent under the context forgets it, so a
 * doubt always answers false and the caller writes the row itself (INSERT … ON CONFLICT DO NOTHING).
 */
export function auditRowWritten(ctx: AuditContext): boolean {
  return rowWritten.has(ctx);
}

function listenForAuditRows(client: Tagged): void {
  client[LISTENING] = true;
  client.on('notice', (msg: { message?: string }) => {
    const ctx = client[CTX];
    if (ctx && msg.message?.startsWith(NOTICE_PREFIX) && msg.message.slice(NOTICE_PREFIX.length) === ctx.key) rowWritten.set(ctx, true);
  });
}

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
    watchServerNotices(this);
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
    if (typeof text === 'string' && /^\s*ROLLBACK/i.test(text)) {
      this[TAG] = undefined;
      if (ctx) rowWritten.delete(ctx);
    }
    if (!ctx) return original.apply(this, args);
    if (!this[LISTENING]) listenForAuditRows(this);
    this[CTX] = ctx;
    // A failed statement may have undone what its trigger wrote: forget the notice (pg calls back or rejects).
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (err: unknown, ...rest: unknown[]) => unknown;
      args[last] = (err: unknown, ...rest: unknown[]) => {
        if (err) rowWritten.delete(ctx);
        return callback(err, ...rest);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, () => rowWritten.delete(ctx));
    return result;
  };
}
