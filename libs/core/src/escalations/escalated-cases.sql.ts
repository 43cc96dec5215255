import { Actor, Role, subtreeLike } from '../common/actor';
import { SqlParams } from '../common/sql-params';
import { EscalationSubject } from './escalation-raise.sql';

// The escalations grouped per case or application (docs/architecture.md#escalations-per-case).

/** The subject's column on `escalation` (x) and its table. */
export const SUBJECT = {
  CASE: { column: 'case_id', table: 'founding_case', unit: 's.org_unit_id', due: 's.stage_due_on' },
  APPLICATION: { column: 'application_id', table: 'membership_application', unit: 's.deciding_unit_id', due: 's.due_on' },
} as const;

/**
 * The escalations of one kind of subject the caller sees, as `FROM … WHERE …` over escalation x, its subject s and the
 * caller's notification `mine` (scope as `escalations`: officers those addressed to them, supervisors their subtree's, admins all).
 */
export function visibleEscalationsSql(actor: Actor, p: SqlParams, subject: EscalationSubject): string {
  const k = SUBJECT[subject];
  let scope = 'true';
  if (actor.role === Role.OFFICER) scope = 'mine.id IS NOT NULL';
  else if (actor.role === Role.SUPERVISOR) {
    scope = `${k.unit} IN (SELECT id FROM org_unit WHERE path = ${p.add(actor.orgPath)} OR path LIKE ${p.add(subtreeLike(actor.orgPath))})`;
  }
  return `escalation x JOIN ${k.table} s ON s.id = x.${k.column}
    LEFT JOIN notification mine ON mine.escalation_id = x.id AND mine.user_id = ${p.add(actor.userId)}
   WHERE x.${k.column} IS NOT NULL AND ${scope}`;
}

/**
 * The subjects with a visible escalation (with `open`, one the caller has not acknowledged), as a CTE `subjects(id)`;
 * `ids` narrows them to those given.
 */
export function subjectsCte(actor: Actor, p: SqlParams, subject: EscalationSubject, open: boolean, ids?: readonly string[]): string {
  const k = SUBJECT[subject];
  return `subjects AS (
  SELECT x.${k.column} AS id FROM ${visibleEscalationsSql(actor, p, subject)}
    ${ids ? `AND x.${k.column} = ANY(${p.add([...ids])}::uuid[])` : ''}
   GROUP BY x.${k.column} ${open ? 'HAVING bool_or(mine.acknowledged_at IS NULL)' : ''}
)`;
}

/** The sort key of a subject: its due day, so the longest late come first; then its id. */
export const sortKeySql = (subject: EscalationSubject) => `coalesce(${SUBJECT[subject].due}, DATE '9999-12-31')::text`;
