import type * as G from './generated/graphql';
import { op } from './queries';

/** The documents of the enterprise register and the register import (see queries.ts for how codegen reads them). */

const REGISTER_ROW = /* GraphQL */ `fragment RegisterRow on Enterprise { id name taxCode district sector ownership workerCount surveyedOn
  hasUnion closedOn updatedAt orgUnit { id name } openCase { id stage } areaOfficer { id fullName } }`;

const ENTERPRISE_DETAIL = /* GraphQL */ `fragment EnterpriseDetail on Enterprise { ...RegisterRow address
  workerCountHistory { workerCount countedOn source note recordedAt recordedBy { id fullName } }
  fundingType fundingTypeFrom fundingTypeHistory { fundingType validFrom source recordedAt recordedBy { id fullName } }
  cases { id stage openedAt stageDueOn overdue closedReason closedFromStage decidedOn assignee { id fullName } } } ${REGISTER_ROW}`;

const IMPORT_FIELDS = /* GraphQL */ `fragment ImportFields on RegisterImport { id kind fileName status sheetName createdAt
  orgUnit { id name } createdBy { id fullName }
  totalRows toCreate toUpdate unchanged refused appliedRows appliedCreated appliedUpdated appliedUnchanged appliedSkipped progress error }`;

export const REGISTER = {
  list: op<G.RegisterQuery, G.RegisterQueryVariables>(/* GraphQL */ `query Register($f: EnterpriseFilter, $first: Int, $after: String) {
    enterprises(filter: $f, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ...RegisterRow } } } ${REGISTER_ROW}`),
  one: op<G.EnterpriseQuery, G.EnterpriseQueryVariables>(
    /* GraphQL */ `query Enterprise($id: ID!) { enterprise(id: $id) { ...EnterpriseDetail } } ${ENTERPRISE_DETAIL}`,
  ),
  create: op<G.CreateEnterpriseMutation, G.CreateEnterpriseMutationVariables>(
    /* GraphQL */ `mutation CreateEnterprise($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { id name } }`,
  ),
  update: op<G.UpdateEnterpriseMutation, G.UpdateEnterpriseMutationVariables>(
    /* GraphQL */ `mutation UpdateEnterprise($i: UpdateEnterpriseInput!) { updateEnterprise(input: $i) { id updatedAt } }`,
  ),
  close: op<G.CloseEnterpriseMutation, G.CloseEnterpriseMutationVariables>(
    /* GraphQL */ `mutation CloseEnterprise($i: CloseEnterpriseInput!) { closeEnterprise(input: $i) { id closedOn } }`,
  ),
  reopen: op<G.ReopenEnterpriseMutation, G.ReopenEnterpriseMutationVariables>(
    /* GraphQL */ `mutation ReopenEnterprise($id: ID!) { reopenEnterprise(id: $id) { id closedOn } }`,
  ),
};

export const IMPORTS = {
  /** One import with a page of its rows (all, or those of one action). */
  one: op<
    G.RegisterImportQuery,
    G.RegisterImportQueryVariables
  >(/* GraphQL */ `query RegisterImport($id: ID!, $action: ImportRowAction, $first: Int, $after: String) {
    registerImport(id: $id) { ...ImportFields
      rows(action: $action, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage }
        nodes { rowNumber action taxCode name changedFields applied errors { column message } } } } } ${IMPORT_FIELDS}`),
  /** Only its state (polled while it is applied). */
  status: op<G.RegisterImportStatusQuery, G.RegisterImportStatusQueryVariables>(
    /* GraphQL */ `query RegisterImportStatus($id: ID!) { registerImport(id: $id) { ...ImportFields } } ${IMPORT_FIELDS}`,
  ),
  list: op<G.RegisterImportsQuery, G.RegisterImportsQueryVariables>(
    /* GraphQL */ `query RegisterImports($first: Int) { registerImports(first: $first) { totalCount nodes { ...ImportFields } } } ${IMPORT_FIELDS}`,
  ),
  confirm: op<G.ConfirmRegisterImportMutation, G.ConfirmRegisterImportMutationVariables>(
    /* GraphQL */ `mutation ConfirmRegisterImport($id: ID!) { confirmRegisterImport(id: $id) { ...ImportFields } } ${IMPORT_FIELDS}`,
  ),
  cancel: op<G.CancelRegisterImportMutation, G.CancelRegisterImportMutationVariables>(
    /* GraphQL */ `mutation CancelRegisterImport($id: ID!) { cancelRegisterImport(id: $id) { ...ImportFields } } ${IMPORT_FIELDS}`,
  ),
};

/** What POST /imports/enterprises answers (201): the dry run's counts. */
export interface ImportCreated {
  id: string;
  status: G.RegisterImportStatus;
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  refused: number;
}

export type {
  EnterpriseCaseStatus,
  EnterpriseFilter,
  EnterpriseSort,
  ImportRowAction,
  Ownership,
  RegisterImportStatus,
  WorkerCountSource,
} from './generated/graphql';
export type RegisterRow = G.RegisterRowFragment;
export type RegisterPage = G.RegisterQuery['enterprises'];
export type EnterpriseDetail = G.EnterpriseDetailFragment;
export type EnterpriseCase = EnterpriseDetail['cases'][number];
export type WorkerCountEntry = EnterpriseDetail['workerCountHistory'][number];
export type FundingTypeEntry = EnterpriseDetail['fundingTypeHistory'][number];
export type RegisterImport = G.ImportFieldsFragment;
export type ImportRows = G.RegisterImportQuery['registerImport']['rows'];
export type ImportRow = ImportRows['nodes'][number];
