import type * as G from './generated/graphql';
import { SESSION_USER, op } from './queries';

/**
 * The documents of the organisation, accounts and password pages (see queries.ts for how codegen
 * reads them). Typed from schema.gql like the others.
 */

const ACCOUNT_ROW = /* GraphQL */ `fragment AccountRow on User { id email fullName role active mustChangePassword createdAt deactivatedAt orgUnit { id name } }`;

const ORG_NODE = /* GraphQL */ `fragment OrgNode on OrgUnit { id name kind dissolvedAt establishedOn parent { id }
  headFigures { enterprises25Plus withUnion openCases overdueCases activeUsers childCount } }`;

export const ACCOUNTS = {
  /** Whether the caller must still change a temporary password (asked apart from `me`: see App.tsx). */
  passwordState: op<G.PasswordStateQuery, G.PasswordStateQueryVariables>(/* GraphQL */ `query PasswordState { me { id mustChangePassword } }`),
  list: op<G.AccountsQuery, G.AccountsQueryVariables>(/* GraphQL */ `query Accounts($f: AccountFilterInput, $first: Int, $after: String) {
    accounts(filter: $f, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ...AccountRow } } } ${ACCOUNT_ROW}`),
  create: op<G.CreateUserMutation, G.CreateUserMutationVariables>(
    /* GraphQL */ `mutation CreateUser($i: CreateUserInput!) { createUser(input: $i) { ...AccountRow } } ${ACCOUNT_ROW}`,
  ),
  update: op<G.UpdateUserMutation, G.UpdateUserMutationVariables>(
    /* GraphQL */ `mutation UpdateUser($i: UpdateUserInput!) { updateUser(input: $i) { ...AccountRow } } ${ACCOUNT_ROW}`,
  ),
  deactivate: op<G.DeactivateUserMutation, G.DeactivateUserMutationVariables>(
    /* GraphQL */ `mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { ...AccountRow } } ${ACCOUNT_ROW}`,
  ),
  reactivate: op<G.ReactivateUserMutation, G.ReactivateUserMutationVariables>(
    /* GraphQL */ `mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { ...AccountRow } } ${ACCOUNT_ROW}`,
  ),
  resetPassword: op<G.ResetPasswordMutation, G.ResetPasswordMutationVariables>(
    /* GraphQL */ `mutation ResetPassword($id: ID!) { resetPassword(id: $id) { temporaryPassword user { ...AccountRow } } } ${ACCOUNT_ROW}`,
  ),
  changePassword: op<G.ChangePasswordMutation, G.ChangePasswordMutationVariables>(/* GraphQL */ `mutation ChangePassword($i: ChangePasswordInput!) {
    changePassword(input: $i) { accessToken mustChangePassword user { ...SessionUser } } } ${SESSION_USER}`),
};

export const ORG = {
  tree: op<G.OrgTreeQuery, G.OrgTreeQueryVariables>(/* GraphQL */ `query OrgTree($root: ID) { orgUnitTree(rootId: $root) { ...OrgNode } } ${ORG_NODE}`),
  /** The same units without their figures, for pickers. */
  lines: op<G.OrgLinesQuery, G.OrgLinesQueryVariables>(/* GraphQL */ `query OrgLines { orgUnitTree { id name kind dissolvedAt parent { id } } }`),
  create: op<G.CreateOrgUnitMutation, G.CreateOrgUnitMutationVariables>(
    /* GraphQL */ `mutation CreateOrgUnit($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id name kind establishedOn } }`,
  ),
  rename: op<G.RenameOrgUnitMutation, G.RenameOrgUnitMutationVariables>(
    /* GraphQL */ `mutation RenameOrgUnit($i: UpdateOrgUnitInput!) { updateOrgUnit(input: $i) { id name establishedOn } }`,
  ),
};

export type { OrgUnitKind } from './generated/graphql';
export type Account = G.AccountRowFragment;
export type AccountPage = G.AccountsQuery['accounts'];
export type OrgNode = G.OrgNodeFragment;
export type HeadFigures = OrgNode['headFigures'];
export type UnitLine = G.OrgLinesQuery['orgUnitTree'][number];
