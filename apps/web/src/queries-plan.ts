import type * as G from './generated/graphql';
import { op } from './queries';

/** The documents of the plan, areas and budget pages (see queries.ts for how codegen reads them). */

const PLAN_VIEW = /* GraphQL */ `fragment PlanView on Plan { id year version latest number issuedOn title newMembers newGrassrootsUnions coveragePercent
  savedAt savedBy { id fullName } assignments { officerId officerName duty newMembers newGrassrootsUnions } }`;

const AREA_VIEW = /* GraphQL */ `fragment AreaView on OfficerArea { officerId officerName shared districts enterprises { id name district workerCount hasUnion }
  enterpriseCount focus focusWithUnion coveragePercent }`;

const HEADING_TOTALS = /* GraphQL */ `fragment HeadingTotals on BudgetHeadingTotals { id name position active planned spent spentPercent overPlan }`;

const ENTRY_ROW = /* GraphQL */ `fragment EntryRow on BudgetEntry { id headingId headingName spentOn amount voucherNumber note reversesId reversedById
  recordedAt recordedBy { id fullName } }`;

export const PLAN = {
  plan: op<
    G.PlanQuery,
    G.PlanQueryVariables
  >(/* GraphQL */ `query Plan($u: ID!, $y: Int!) { plan(orgUnitId: $u, year: $y) { ...PlanView } planVersions(orgUnitId: $u, year: $y) { ...PlanView } }
    ${PLAN_VIEW}`),
  save: op<G.SavePlanMutation, G.SavePlanMutationVariables>(
    /* GraphQL */ `mutation SavePlan($i: SavePlanInput!) { savePlan(input: $i) { ...PlanView } } ${PLAN_VIEW}`,
  ),
  areas: op<G.OfficerAreasQuery, G.OfficerAreasQueryVariables>(
    /* GraphQL */ `query OfficerAreas($u: ID!) { officerAreas(orgUnitId: $u) { ...AreaView } } ${AREA_VIEW}`,
  ),
  saveArea: op<G.SaveOfficerAreaMutation, G.SaveOfficerAreaMutationVariables>(
    /* GraphQL */ `mutation SaveOfficerArea($i: SaveOfficerAreaInput!) { saveOfficerArea(input: $i) { ...AreaView } } ${AREA_VIEW}`,
  ),
  budget: op<
    G.BudgetQuery,
    G.BudgetQueryVariables
  >(/* GraphQL */ `query Budget($u: ID!, $y: Int!) { budget(orgUnitId: $u, year: $y) { orgUnitId year planned spent spentPercent yearElapsedPercent
      newMembers newGrassrootsUnions costPerNewMember costPerNewGrassrootsUnion headings { ...HeadingTotals } entries { ...EntryRow } } }
      ${HEADING_TOTALS} ${ENTRY_ROW}`),
  setBudgetPlan: op<G.SetBudgetPlanMutation, G.SetBudgetPlanMutationVariables>(
    /* GraphQL */ `mutation SetBudgetPlan($i: SetBudgetPlanInput!) { setBudgetPlan(input: $i) { planned } }`,
  ),
  saveHeading: op<G.SaveBudgetHeadingMutation, G.SaveBudgetHeadingMutationVariables>(
    /* GraphQL */ `mutation SaveBudgetHeading($i: SaveBudgetHeadingInput!) { saveBudgetHeading(input: $i) { id name } }`,
  ),
  record: op<
    G.RecordBudgetEntryMutation,
    G.RecordBudgetEntryMutationVariables
  >(/* GraphQL */ `mutation RecordBudgetEntry($i: RecordBudgetEntryInput!) { recordBudgetEntry(input: $i) { warning entry { ...EntryRow }
      heading { ...HeadingTotals } } } ${ENTRY_ROW} ${HEADING_TOTALS}`),
  reverse: op<
    G.ReverseBudgetEntryMutation,
    G.ReverseBudgetEntryMutationVariables
  >(/* GraphQL */ `mutation ReverseBudgetEntry($i: ReverseBudgetEntryInput!) { reverseBudgetEntry(input: $i) { warning entry { ...EntryRow } } }
      ${ENTRY_ROW}`),
};

export type PlanView = G.PlanViewFragment;
export type AreaView = G.AreaViewFragment;
export type HeadingTotals = G.HeadingTotalsFragment;
export type EntryRow = G.EntryRowFragment;
