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
  member: op<G.MemberQuery, G.MemberQueryVariables>(/* GraphQL */ `query Member($id: ID!) {
    member(id: $id) { ...MemberRow phone leftNote memberships { id admittedOn decisionNumber transferredIn transferredFromName leftOn leftReason leftNote } } } ${MEMBER_ROW}`),
  updateStaff: op<G.UpdateStaffMutation, G.UpdateStaffMutationVariables>(
    /* GraphQL */ `mutation UpdateStaff($i: UpdateStaffInput!) { updateStaff(input: $i) { id fullName } }`,
  ),
  leave: op<G.RecordMemberLeavingMutation, G.RecordMemberLeavingMutationVariables>(
    /* GraphQL */ `mutation RecordMemberLeaving($i: RecordMemberLeavingInput!) { recordMemberLeaving(input: $i) { id fullName status } }`,
  ),
  transfer: op<G.TransferMemberMutation, G.TransferMemberMutationVariables>(
    /* GraphQL */ `mutation TransferMember($i: TransferMemberInput!) { transferMember(input: $i) { id fullName status } }`,
  ),
  unions: op<
    G.GrassrootsUnionsQuery,
    G.GrassrootsUnionsQueryVariables
  >(/* GraphQL */ `query GrassrootsUnions($u: ID, $search: String, $first: Int, $after: String) {
    grassrootsUnions(orgUnitId: $u, search: $search, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage } nodes { id name parentId parentName staffCount membersCount hasAccount employerId employerName employerFromCase } } }`),
  setEmployer: op<G.SetGrassrootsEmployerMutation, G.SetGrassrootsEmployerMutationVariables>(
    /* GraphQL */ `mutation SetGrassrootsEmployer($i: SetGrassrootsEmployerInput!) { setGrassrootsEmployer(input: $i) { id employerId employerName employerFromCase } }`,
  ),
  applications: op<G.MembershipApplicationsQuery, G.MembershipApplicationsQueryVariables>(/* GraphQL */ `query MembershipApplications(
    $g: ID!, $s: ApplicationStatus, $first: Int, $after: String) {
    membershipApplications(grassrootsUnionId: $g, status: $s, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage }
      nodes { id fullName birthYear gender position status submittedOn dueOn decidedOn decisionNumber rejectionReason } } }`),
  rejectApplication: op<G.RejectApplicationMutation, G.RejectApplicationMutationVariables>(
    /* GraphQL */ `mutation RejectApplication($i: DecideApplicationInput!) { decideApplication(input: $i) { id fullName status rejectionReason } }`,
  ),
  upperApplications: op<G.UpperLevelApplicationsQuery, G.UpperLevelApplicationsQueryVariables>(/* GraphQL */ `query UpperLevelApplications(
    $u: ID!, $s: ApplicationStatus, $first: Int, $after: String) {
    upperLevelApplications(orgUnitId: $u, status: $s, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage }
      nodes { id fullName birthYear gender position status submittedOn dueOn decidedOn decisionNumber rejectionReason } } }`),
  admitApplication: op<G.AdmitApplicationMutation, G.AdmitApplicationMutationVariables>(
    /* GraphQL */ `mutation AdmitApplication($i: DecideApplicationInput!) { decideApplication(input: $i) { id fullName status decisionNumber decidedOn } }`,
  ),
  upperMembers: op<G.UpperLevelMembersQuery, G.UpperLevelMembersQueryVariables>(/* GraphQL */ `query UpperLevelMembers(
    $u: ID!, $f: MemberFilter, $first: Int, $after: String) {
    upperLevelMembers(orgUnitId: $u, filter: $f, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage }
      nodes { id fullName citizenId birthYear sex position status admittedOn decisionNumber leftOn leftReason leftNote } } }`),
  upperLeave: op<G.RecordUpperLevelMemberLeavingMutation, G.RecordUpperLevelMemberLeavingMutationVariables>(
    /* GraphQL */ `mutation RecordUpperLevelMemberLeaving($i: RecordUpperLevelMemberLeavingInput!) { recordUpperLevelMemberLeaving(input: $i) { id fullName status } }`,
  ),
  upperTransfer: op<G.TransferUpperLevelMemberMutation, G.TransferUpperLevelMemberMutationVariables>(
    /* GraphQL */ `mutation TransferUpperLevelMember($i: TransferUpperLevelMemberInput!) { transferUpperLevelMember(input: $i) { id fullName status leftNote } }`,
  ),
  decisions: op<G.AdmissionDecisionsQuery, G.AdmissionDecisionsQueryVariables>(/* GraphQL */ `query AdmissionDecisions($g: ID!, $first: Int, $after: String) {
    admissionDecisions(grassrootsUnionId: $g, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage } nodes { id number decidedOn signer membersCount members { id fullName } } } }`),
  createAccount: op<G.CreateGrassrootsAccountMutation, G.CreateGrassrootsAccountMutationVariables>(
    /* GraphQL */ `mutation CreateGrassrootsAccount($i: CreateGrassrootsAccountInput!) { createGrassrootsAccount(input: $i) { id email fullName } }`,
  ),
};

/** Party recommendations (4A-KNĐ) and union groups of a CĐCS (docs/architecture.md#party-recommendations-and-union-groups). */
export const PARTY_GROUPS = {
  activeMembers: op<G.ActiveMembersQuery, G.ActiveMembersQueryVariables>(/* GraphQL */ `query ActiveMembers($g: ID!) {
    members(grassrootsUnionId: $g, filter: { status: MEMBER }, first: 200) { totalCount nodes { id fullName } } }`),
  recommendations: op<G.PartyRecommendationsQuery, G.PartyRecommendationsQueryVariables>(/* GraphQL */ `query PartyRecommendations($g: ID!, $y: Int) {
    partyRecommendations(grassrootsUnionId: $g, year: $y) { id resolutionNumber resolutionOn note members { memberId fullName outcome decidedOn note } } }`),
  recommend: op<G.RecommendMembersToPartyMutation, G.RecommendMembersToPartyMutationVariables>(
    /* GraphQL */ `mutation RecommendMembersToParty($i: RecommendMembersToPartyInput!) { recommendMembersToParty(input: $i) { id resolutionNumber members { memberId } } }`,
  ),
  outcome: op<G.RecordPartyAdmissionMutation, G.RecordPartyAdmissionMutationVariables>(
    /* GraphQL */ `mutation RecordPartyAdmission($i: RecordPartyAdmissionInput!) { recordPartyAdmission(input: $i) { id } }`,
  ),
  groups: op<G.UnionGroupsQuery, G.UnionGroupsQueryVariables>(/* GraphQL */ `query UnionGroups($g: ID!) {
    unionGroups(grassrootsUnionId: $g) { id name leaderMemberId leaderName members { id fullName } } }`),
  saveGroup: op<G.SaveUnionGroupMutation, G.SaveUnionGroupMutationVariables>(
    /* GraphQL */ `mutation SaveUnionGroup($i: SaveUnionGroupInput!) { saveUnionGroup(input: $i) { id name } }`,
  ),
  removeGroup: op<G.RemoveUnionGroupMutation, G.RemoveUnionGroupMutationVariables>(
    /* GraphQL */ `mutation RemoveUnionGroup($id: ID!) { removeUnionGroup(id: $id) }`,
  ),
  assign: op<G.AssignMemberToUnionGroupMutation, G.AssignMemberToUnionGroupMutationVariables>(
    /* GraphQL */ `mutation AssignMemberToUnionGroup($i: AssignMemberToUnionGroupInput!) { assignMemberToUnionGroup(input: $i) { id fullName } }`,
  ),
};
