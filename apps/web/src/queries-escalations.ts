import { op } from './queries';
import type * as G from './generated/graphql';

// The escalations page: one row per case or direct application (docs/architecture.md#escalations-per-case).

const ESCALATION_STEP = /* GraphQL */ `fragment EscalationStepFields on EscalationStep { id level caseStage raisedAt acknowledgedAt
  acknowledgements { at by { id fullName } } }`;

export const ESC = {
  cases: op<G.EscalatedCasesQuery, G.EscalatedCasesQueryVariables>(/* GraphQL */ `query EscalatedCases($open: Boolean, $first: Int, $after: String) {
    escalatedCases(open: $open, first: $first, after: $after) { totalCount overdueCount pageInfo { endCursor hasNextPage }
      nodes { level stage dueOn acknowledged lateness { status label workingDays calendarDays } assignee { id fullName }
        case { id enterprise { id name district } } escalations { ...EscalationStepFields } } } } ${ESCALATION_STEP}`),
  applications: op<G.EscalatedApplicationsQuery, G.EscalatedApplicationsQueryVariables>(/* GraphQL */ `query EscalatedApplications($open: Boolean) {
    escalatedApplications(open: $open, first: 200) { totalCount
      nodes { level dueOn acknowledged lateness { status label workingDays calendarDays } decidingUnit { id name }
        application { id fullName position submittedOn } escalations { ...EscalationStepFields } } } } ${ESCALATION_STEP}`),
  acknowledge: op<G.AckRowsMutation, G.AckRowsMutationVariables>(/* GraphQL */ `mutation AckRows($i: AcknowledgeCaseEscalationsInput!) {
    acknowledgeCaseEscalations(input: $i) { acknowledged cases { case { id } acknowledged } applications { application { id } acknowledged } } }`),
};

export type EscalatedCaseRow = G.EscalatedCasesQuery['escalatedCases']['nodes'][number];
export type EscalatedApplicationRow = G.EscalatedApplicationsQuery['escalatedApplications']['nodes'][number];
export type EscalationStep = G.EscalationStepFieldsFragment;
export type LateStatus = G.LateStatus;
