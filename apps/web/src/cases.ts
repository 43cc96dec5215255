import { gql } from './api';
import { Q, type CaseCard, type CaseCardPage, type CaseFilter } from './queries';

/** Every case matching the filter, page by page (at most 1 000). */
export async function loadAllCases(filter: CaseFilter): Promise<CaseCard[]> {
  const out: CaseCard[] = [];
  let after: string | null = null;
  for (let i = 0; i < 5; i++) {
    // Typed here: `after` is read by the call and assigned from its answer.
    const page: CaseCardPage = (await gql(Q.cases, { f: filter, first: 200, after })).foundingCases;
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return out;
}
