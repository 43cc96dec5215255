import { DataSource } from 'typeorm';
import { AUDIT_REF_COLUMNS, AuditRefKind } from '@app/domain';
import { subtreeLike } from '../common/actor';

/** The fields of the changes a page of the log shows, as audit-log.service.ts reads them. */
interface RefField {
  field: string;
  before: string | null;
  after: string | null;
  beforeLabel?: string | null;
  afterLabel?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One query per kind: a unit's and an enterprise's name, a user's name and e-mail; $2/$3 (a path and its subtree
 * pattern, null for an ADMIN) keep the names to what the caller may see: its subtree's units, their enterprises and
 * accounts. Anything else reads as its id, as before.
 */
const NAMES_SQL: Readonly<Record<AuditRefKind, string>> = {
  org_unit: `SELECT o.id::text AS id, o.name FROM org_unit o WHERE o.id = ANY($1::uuid[]) AND ($2::text IS NULL OR o.path = $2 OR o.path LIKE $3)`,
  enterprise: `SELECT e.id::text AS id, e.name FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id
                WHERE e.id = ANY($1::uuid[]) AND ($2::text IS NULL OR o.path = $2 OR o.path LIKE $3)`,
  app_user: `SELECT u.id::text AS id, CASE WHEN coalesce(u.full_name, '') = '' THEN u.email ELSE u.full_name || ' (' || u.email || ')' END AS name
               FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = ANY($1::uuid[]) AND ($2::text IS NULL OR o.path = $2 OR o.path LIKE $3)`,
};

/**
 * Adds `beforeLabel` / `afterLabel` to the fields that hold the id of a unit, a user or an enterprise
 * (AUDIT_REF_COLUMNS): its name now, so that an admin reads who or what without looking the id up
 * (docs/architecture.md#audit-log). A row gone since reads as its id (no label).
 */
export async function addRefLabels(db: DataSource, changes: { fields: RefField[] }[], scopePath: string | null): Promise<void> {
  const wanted = new Map<AuditRefKind, Set<string>>();
  for (const c of changes) {
    for (const f of c.fields) {
      const kind = Object.prototype.hasOwnProperty.call(AUDIT_REF_COLUMNS, f.field) ? AUDIT_REF_COLUMNS[f.field] : undefined;
      if (!kind) continue;
      for (const v of [f.before, f.after]) if (v && UUID.test(v)) wanted.set(kind, (wanted.get(kind) ?? new Set()).add(v.toLowerCase()));
    }
  }
  const names = new Map<string, string>();
  for (const [kind, ids] of wanted) {
    const rows: { id: string; name: string }[] = await db.query(NAMES_SQL[kind], [[...ids], scopePath, scopePath && subtreeLike(scopePath)]);
    for (const r of rows) names.set(`${kind}:${r.id}`, r.name);
  }
  if (!names.size) return;
  for (const c of changes) {
    for (const f of c.fields) {
      const kind = Object.prototype.hasOwnProperty.call(AUDIT_REF_COLUMNS, f.field) ? AUDIT_REF_COLUMNS[f.field] : undefined;
      if (!kind) continue;
      f.beforeLabel = (f.before && names.get(`${kind}:${f.before.toLowerCase()}`)) || null;
      f.afterLabel = (f.after && names.get(`${kind}:${f.after.toLowerCase()}`)) || null;
    }
  }
}
