import type * as G from './generated/graphql';
import { op } from './queries';

/** The audit log page's documents (docs/architecture.md#audit-log). */
export const AUDIT = {
  list: op<G.AuditLogQuery, G.AuditLogQueryVariables>(/* GraphQL */ `query AuditLog($f: AuditLogFilterInput, $first: Int, $after: String) {
    auditLog(filter: $f, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage }
      nodes { id at actorEmail actorRole ip operation entity entityId outcome changes { table op rowId fields { field before after beforeLabel afterLabel } } } } }`),
};

export type AuditEntry = G.AuditLogQuery['auditLog']['nodes'][number];
