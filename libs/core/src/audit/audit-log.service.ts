import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isIsoDate } from '@app/domain';
import { AuditContext, auditContext } from '@app/persistence';
import { Actor, Role, subtreeLike } from '../common/actor';
import { badInput } from '../common/app-error';
import { RULE } from '../common/messages-vi';
import { MAX_PAGE, Page, checkFirst, decodeCursor, encodeCursor } from '../common/pagination';
import { RawRow } from '../common/prepared-sql';
import { SqlParams } from '../common/sql-params';
import { auditLogSheet } from './audit-log-sheet';
import { addRefLabels } from './audit-ref-labels';
import { jobAuditContext } from './job-audit';

export interface AuditLogFilter {
  /** Part of the actor's e-mail address. */
  actor?: string | null;
  operation?: string | null;
  /** A table name (`enterprise`, `founding_case` …): the row changed it, whether first or not. */
  entity?: string | null;
  entityId?: string | null;
  /** Days in Asia/Ho_Chi_Minh, both included. */
  from?: string | null;
  to?: string | null;
}

export interface AuditFieldChange {
  field: string;
  before: string | null;
  after: string | null;
  /** The name of the unit, user or enterprise whose id `before` / `after` is (audit-ref-labels.ts), when it still exists. */
  beforeLabel?: string | null;
  afterLabel?: string | null;
}
export interface AuditChangeView {
  table: string;
  op: string;
  rowId: string | null;
  fields: AuditFieldChange[];
}
export interface AuditEntryView {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  ip: string | null;
  requestId: string | null;
  operation: string;
  entity: string | null;
  entityId: string | null;
  outcome: string;
  /** A read's filter as JSON (digit runs masked); null for a change. */
  detail: string | null;
  changes: AuditChangeView[];
}

/** The most rows one export writes. */
export const MAX_AUDIT_EXPORT_ROWS = 20_000;

const TEXT_MAX = 200;

/** A value as the log shows it: text as is, anything else as JSON. */
function shown(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function fieldChangesOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditFieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((field) => ({ field, before: shown(before?.[field]), after: shown(after?.[field]) }));
}

/** Every bad field of a filter, each with its Vietnamese rule. */
function filterProblems(filter: AuditLogFilter): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of ['from', 'to'] as const) {
    const v = filter[f];
    if (v != null && !isIsoDate(v)) problems[f] = RULE.realDay(f);
  }
  for (const f of ['actor', 'operation', 'entity', 'entityId'] as const) {
    const v = filter[f];
    if (v != null && v.length > TEXT_MAX) problems[f] = RULE.tooLong(f, TEXT_MAX);
  }
  return problems;
}

/**
 * The audit log (docs/architecture.md#audit-log): the rows the triggers write for audited operations, the rows
 * the API writes itself for operations that changed nothing (logins, failed logins, downloads), and the reads.
 */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The operation's row, unless its changes' triggers wrote it already (same key): for operations that changed
   * nothing, and refused logins. Autocommit, after the operation's own statements.
   */
  async record(
    ctx: AuditContext,
    outcome: 'OK' | 'REFUSED',
    entity: { entity: string; entityId: string | null } | null = null,
    detail: Record<string, unknown> | null = null,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (key, actor_id, actor_email, actor_role, actor_unit_id, ip, request_id, operation, entity, entity_id, outcome, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (key) DO NOTHING`,
      [
        ctx.key,
        ctx.actorId,
        ctx.actorEmail,
        ctx.actorRole,
        ctx.actorUnitId,
        ctx.ip,
        ctx.requestId,
        ctx.operation,
        entity?.entity ?? null,
        entity?.entityId ?? null,
        outcome,
        detail && Object.keys(detail).length ? JSON.stringify(detail) : null,
      ],
    );
  }

  /**
   * Runs a job's work under an audit context of its own, attributed to the user who asked for it (the confirming
   * user of a register import), or to the system (SYSTEM_ROLE) without one: its changes are audited like a
   * mutation's. The key comes from `keySeed`, so a retried job adds its changes to the same row.
   */
  async runAs<T>(operation: string, keySeed: string, userId: string | null, work: () => Promise<T>): Promise<T> {
    const [user] = userId ? await this.db.query(`SELECT id, email, role, org_unit_id FROM app_user WHERE id = $1`, [userId]) : [];
    return auditContext.run(jobAuditContext(operation, keySeed, user), work);
  }

  /** `runAs` for a register import's apply job: attributed to the user who confirmed the import. */
  async runAsImportConfirmer<T>(operation: string, importId: string, work: () => Promise<T>): Promise<T> {
    const [row] = await this.db.query(`SELECT confirmed_by FROM register_import WHERE id = $1`, [importId]);
    return this.runAs(operation, importId, (row?.confirmed_by as string | null) ?? null, work);
  }

  /** Newest first; ADMIN everything, SUPERVISOR the rows of actors of its subtree or changing rows of its subtree. */
  async list(actor: Actor, filter: AuditLogFilter, first?: number | null, after?: string | null): Promise<Page<AuditEntryView>> {
    const problems = filterProblems(filter);
    let n = 0;
    let cursor: unknown[] | null = null;
    try {
      n = checkFirst(first);
    } catch {
      problems.first = RULE.between('first', 1, MAX_PAGE);
    }
    try {
      cursor = decodeCursor(after, 1);
    } catch {
      problems.after = RULE.badCursor();
    }
    if (Object.keys(problems).length) throw badInput(problems);
    const p = new SqlParams();
    const where = this.whereSql(actor, filter, p);
    const total = await this.db.query(`SELECT count(*)::int AS n FROM audit_log l WHERE ${where}`, p.values);
    const paged = cursor ? `${where} AND l.id < ${p.add(cursor[0])}::bigint` : where;
    const rows = await this.db.query(`SELECT l.* FROM audit_log l WHERE ${paged} ORDER BY l.id DESC LIMIT ${p.add(n + 1)}`, p.values);
    const more = rows.length > n;
    const nodes = await this.withChanges(actor, rows.slice(0, n));
    return {
      nodes,
      totalCount: total[0].n,
      pageInfo: { endCursor: nodes.length ? encodeCursor([nodes[nodes.length - 1].id]) : null, hasNextPage: more },
    };
  }

  /** The filtered log as an XLSX (Vietnamese headings), one line per field (audit-log-sheet.ts). */
  async exportWorkbook(actor: Actor, filter: AuditLogFilter): Promise<{ body: Buffer; rows: number; filename: string }> {
    const p = new SqlParams();
    const where = this.whereSql(actor, filter, p);
    const rows = await this.db.query(`SELECT l.* FROM audit_log l WHERE ${where} ORDER BY l.id DESC LIMIT ${p.add(MAX_AUDIT_EXPORT_ROWS)}`, p.values);
    const entries = await this.withChanges(actor, rows);
    return { body: await auditLogSheet(entries), rows: entries.length, filename: 'nhat-ky-thay-doi.xlsx' };
  }

  private whereSql(actor: Actor, filter: AuditLogFilter, p: SqlParams): string {
    const problems = filterProblems(filter);
    if (Object.keys(problems).length) throw badInput(problems);
    const and: string[] = ['true'];
    if (actor.role !== Role.ADMIN) {
      const path = p.add(actor.orgPath);
      const like = p.add(subtreeLike(actor.orgPath));
      and.push(`(EXISTS (SELECT 1 FROM org_unit u WHERE u.id = l.actor_unit_id AND (u.path = ${path} OR u.path LIKE ${like}))
        OR EXISTS (SELECT 1 FROM audit_change c JOIN org_unit u ON u.id = c.unit_id
                    WHERE c.audit_key = l.key AND (u.path = ${path} OR u.path LIKE ${like})))`);
    }
    const text = (v: string | null | undefined) => (v ?? '').trim();
    if (text(filter.actor)) and.push(`l.actor_email ILIKE '%' || ${p.add(text(filter.actor).replace(/[\\%_]/g, (c) => `\\${c}`))} || '%'`);
    if (text(filter.operation)) and.push(`l.operation = ${p.add(text(filter.operation))}`);
    if (text(filter.entity) || text(filter.entityId)) {
      const conds = ['c.audit_key = l.key'];
      if (text(filter.entity)) conds.push(`c.tbl = ${p.add(text(filter.entity))}`);
      if (text(filter.entityId)) conds.push(`c.row_id = ${p.add(text(filter.entityId))}`);
      const head = [
        text(filter.entity) ? `l.entity = ${p.add(text(filter.entity))}` : 'true',
        text(filter.entityId) ? `l.entity_id = ${p.add(text(filter.entityId))}` : 'true',
      ];
      and.push(`((${head.join(' AND ')}) OR EXISTS (SELECT 1 FROM audit_change c WHERE ${conds.join(' AND ')}))`);
    }
    if (filter.from) and.push(`l.at >= (${p.add(filter.from)}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
    if (filter.to) and.push(`l.at < (${p.add(filter.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
    return and.join(' AND ');
  }

  private async withChanges(actor: Actor, rows: RawRow[]): Promise<AuditEntryView[]> {
    const keys = rows.map((r) => r.key as string);
    const changes: RawRow[] = keys.length
      ? await this.db.query(`SELECT audit_key, tbl, op, row_id, before, after FROM audit_change WHERE audit_key = ANY($1::uuid[]) ORDER BY id`, [keys])
      : [];
    const byKey = new Map<string, AuditChangeView[]>();
    for (const c of changes) {
      const list = byKey.get(c.audit_key) ?? [];
      list.push({ table: c.tbl, op: c.op, rowId: c.row_id, fields: fieldChangesOf(c.before, c.after) });
      byKey.set(c.audit_key, list);
    }
    await addRefLabels(this.db, [...byKey.values()].flat(), actor.role === Role.ADMIN ? null : actor.orgPath);
    return rows.map((r) => ({
      id: String(r.id),
      at: r.at,
      actorId: r.actor_id,
      actorEmail: r.actor_email,
      actorRole: r.actor_role,
      ip: r.ip,
      requestId: r.request_id,
      operation: r.operation,
      entity: r.entity,
      entityId: r.entity_id,
      outcome: r.outcome,
      detail: r.detail == null ? null : JSON.stringify(r.detail),
      changes: byKey.get(r.key) ?? [],
    }));
  }
}
