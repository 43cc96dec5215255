import type * as G from './generated/graphql';
import { op } from './queries';

/** The documents of the statistics-return pages (docs/architecture.md#statistics-returns; see queries.ts for codegen). */

// Every indicator of the domain's RETURN_INDICATORS: i18n-returns.ts's INDICATORS fails the typecheck when one is left out.
const FIGURES = /* GraphQL */ `fragment ReturnFigureValues on ReturnFigures { membersAtStart admitted transferredIn leftTransferred leftJob leftWithdrew
  leftExpelled leftDied leftPaused leftDissolved membersAtEnd womenMembers staffNotMembers partyRecommended partyAdmitted unionGroups }`;

const RETURN = /* GraphQL */ `fragment ReturnDetail on StatisticsReturn { id grassrootsUnionId grassrootsUnionName kind year periodStart referenceDay dueOn
  status version note sentBackReason firstSubmittedAt submittedAt decidedAt late
  figures { ...ReturnFigureValues } prefill { ...ReturnFigureValues }
  versions { version action status note reason at figures { ...ReturnFigureValues } } }`;

const SETTINGS = /* GraphQL */ `fragment ReturnSettingsDetail on StatisticsReturnSettings { orgUnitId orgUnitName fromOrgUnitId fromOrgUnitName
  halfYearDay yearDay dueWorkingDays reminderWorkingDays updatedAt }`;

export const RETURNS = {
  get: op<G.StatisticsReturnQuery, G.StatisticsReturnQueryVariables>(/* GraphQL */ `query StatisticsReturn($g: ID!, $k: ReturnPeriodKind!, $y: Int!) {
    statisticsReturn(grassrootsUnionId: $g, kind: $k, year: $y) { ...ReturnDetail } } ${RETURN} ${FIGURES}`),
  save: op<G.SaveStatisticsReturnMutation, G.SaveStatisticsReturnMutationVariables>(
    /* GraphQL */ `mutation SaveStatisticsReturn($i: SaveStatisticsReturnInput!) { saveStatisticsReturn(input: $i) { id status version } }`,
  ),
  submit: op<G.SubmitStatisticsReturnMutation, G.SubmitStatisticsReturnMutationVariables>(
    /* GraphQL */ `mutation SubmitStatisticsReturn($i: StatisticsReturnVersionInput!) { submitStatisticsReturn(input: $i) { id status version late } }`,
  ),
  accept: op<G.AcceptStatisticsReturnMutation, G.AcceptStatisticsReturnMutationVariables>(
    /* GraphQL */ `mutation AcceptStatisticsReturn($i: StatisticsReturnVersionInput!) { acceptStatisticsReturn(input: $i) { id status version } }`,
  ),
  sendBack: op<G.SendBackStatisticsReturnMutation, G.SendBackStatisticsReturnMutationVariables>(
    /* GraphQL */ `mutation SendBackStatisticsReturn($i: SendBackStatisticsReturnInput!) { sendBackStatisticsReturn(input: $i) { id status version } }`,
  ),
  board: op<G.ReturnsBoardQuery, G.ReturnsBoardQueryVariables>(/* GraphQL */ `query ReturnsBoard($u: ID!, $k: ReturnPeriodKind!, $y: Int!) {
    statisticsReturns(orgUnitId: $u, kind: $k, year: $y) { submitted accepted sentBack late missing notSubmitted
      rows { grassrootsUnionId name state late dueOn returnId } } }`),
  consolidated: op<
    G.ConsolidatedReturnQuery,
    G.ConsolidatedReturnQueryVariables
  >(/* GraphQL */ `query ConsolidatedReturn($u: ID!, $k: ReturnPeriodKind!, $y: Int!) {
    consolidatedStatisticsReturn(orgUnitId: $u, kind: $k, year: $y) { unitId unitName
      rows { unitId name grassroots accepted figures { ...ReturnFigureValues } }
      total { grassroots accepted figures { ...ReturnFigureValues } }
      missing { grassrootsUnionId name state late dueOn } } } ${FIGURES}`),
  settings: op<G.ReturnSettingsQuery, G.ReturnSettingsQueryVariables>(/* GraphQL */ `query ReturnSettings($u: ID!) {
    statisticsReturnSettings(orgUnitId: $u) { ...ReturnSettingsDetail } } ${SETTINGS}`),
  saveSettings: op<G.SaveReturnSettingsMutation, G.SaveReturnSettingsMutationVariables>(
    /* GraphQL */ `mutation SaveReturnSettings($i: SaveStatisticsReturnSettingsInput!) { saveStatisticsReturnSettings(input: $i) { ...ReturnSettingsDetail } } ${SETTINGS}`,
  ),
};
