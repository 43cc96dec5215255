import type * as G from './generated/graphql';
import { op } from './queries';

/** The documents of a CĐCS's register pages (see queries.ts for how codegen reads them). */

const MEMBER_ROW = /* GraphQL */ `fragment MemberRow on Member { id fullName citizenId birthDate sex job contractKind status admittedOn decisionNumber
  transferredIn leftOn leftReason }`;

export const GRASSROOTS = {
  members: op<G.MembersQuery, G.MembersQueryVariables>(/* GraphQL */ `query Members($g: ID!, $f: MemberFilter, $first: Int, $after: String) {
    members(grassrootsUnionId: $g, filter: $f, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ...MemberRow } } } ${MEMBER_ROW}`),
  addStaff: op<G.AddStaffMutation, G.AddStaffMutationVariables>(
    /* GraphQL */ `mutation AddStaff($i: AddStaffInput!) { addStaff(input: $i) { id fullName citizenId } }`,
  ),
  admit: op<G.AdmitMembersMutation, G.AdmitMembersMutationVariables>(
    /* GraphQL */ `mutation AdmitMembers($i: AdmitMembersInput!) { admitMembers(input: $i) { id number memberIds } }`,
  ),
};
