import { DataSource } from 'typeorm';
import { AUDIT_REF_COLUMNS, AuditRefKind } from '@app/domain';

/** The fields of the changes a page of the log shows, as audit-log.service.ts reads them. */
interface RefField {
  field: string;
  before: string | null;
  after: string | null;
  beforeLabel?: string | null;
  afterLabel?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One query per kind: a unit's and an enterprise's name, a user's name and e-mail. */
const NAMES_SQL: Readonly<Record<AuditRefKind, string>> = {
  org_unit: `SELECT id::text AS id, name FROM org_unit WHERE id = ANY($1::uuid[])`,
  enterprise: `SELECT id::text AS id, name FROM enterprise WHERE id = ANY($1::uuid[])`,
  app_user: `SELECT id::text AS id, CASE WHEN coalesce(full_name, '') = '' THEN email ELSE full_name || ' (' || email || ')' END AS name
               FROM app_user WHERE id = ANY($1::uuid[])`,
};

/**
 * Adds `beforeLabel` / `afterLabel` to the fields that hold the id of a unit, a user or an enterprise
 * (AUDIT_REF_COLUMNS): its name now, so that an admin reads who or what without looking the id up
 * (docs/architecture.md#audit-log). A row gone since reads as its id (no label).
 */
export async function addRefLabels(db: DataSource, changes: { fields: RefField[] }[]): Promise<void> {
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
    const rows: { id: string; name: string }[] = await db.query(NAMES_SQL[kind], [[...ids]]);
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
