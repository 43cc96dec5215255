import type * as G from './generated/graphql';
import { op } from './queries';

/** Restructuring on the organisation page (docs/architecture.md#restructuring): the tree as of a day, a unit's history, the changes. */

const CHANGE = /* GraphQL */ `fragment OrgChange on OrgUnitChange { id kind kindLabel status effectiveOn decisionReference summary createdByName createdAt failure }`;

export const RESTRUCTURE = {
  treeAsOf: op<G.OrgTreeAsOfQuery, G.OrgTreeAsOfQueryVariables>(
    /* GraphQL */ `query OrgTreeAsOf($d: Date!) { orgUnitTree(asOf: $d) { id name kind parentId dissolvedAt } }`,
  ),
  scheduled: op<G.ScheduledOrgChangesQuery, G.ScheduledOrgChangesQueryVariables>(
    /* GraphQL */ `query ScheduledOrgChanges($until: Date) { scheduledOrgChanges(until: $until) { ...OrgChange } } ${CHANGE}`,
  ),
  history: op<G.OrgUnitHistoryQuery, G.OrgUnitHistoryQueryVariables>(
    /* GraphQL */ `query OrgUnitHistory($id: ID!) { orgUnitHistory(id: $id) { ...OrgChange } } ${CHANGE}`,
  ),
  move: op<G.MoveOrgUnitMutation, G.MoveOrgUnitMutationVariables>(
    /* GraphQL */ `mutation MoveOrgUnit($i: MoveOrgUnitInput!) { moveOrgUnit(input: $i) { ...OrgChange } } ${CHANGE}`,
  ),
  rename: op<G.RenameOrgUnitOnMutation, G.RenameOrgUnitOnMutationVariables>(
    /* GraphQL */ `mutation RenameOrgUnitOn($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { ...OrgChange } } ${CHANGE}`,
  ),
  dissolve: op<G.DissolveOrgUnitMutation, G.DissolveOrgUnitMutationVariables>(
    /* GraphQL */ `mutation DissolveOrgUnit($i: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $i) { ...OrgChange } } ${CHANGE}`,
  ),
  split: op<G.SplitOrgUnitMutation, G.SplitOrgUnitMutationVariables>(
    /* GraphQL */ `mutation SplitOrgUnit($i: SplitOrgUnitInput!) { splitOrgUnit(input: $i) { ...OrgChange } } ${CHANGE}`,
  ),
  upgrade: op<G.UpgradeOrgUnitMutation, G.UpgradeOrgUnitMutationVariables>(
    /* GraphQL */ `mutation UpgradeOrgUnit($i: ChangeOrgUnitLevelInput!) { upgradeOrgUnit(input: $i) { ...OrgChange } } ${CHANGE}`,
  ),
  downgrade: op<G.DowngradeOrgUnitMutation, G.DowngradeOrgUnitMutationVariables>(
    /* GraphQL */ `mutation DowngradeOrgUnit($i: ChangeOrgUnitLevelInput!) { downgradeOrgUnit(input: $i) { ...OrgChange } } ${CHANGE}`,
  ),
  cancel: op<G.CancelOrgUnitChangeMutation, G.CancelOrgUnitChangeMutationVariables>(
    /* GraphQL */ `mutation CancelOrgUnitChange($id: ID!) { cancelOrgUnitChange(id: $id) { ...OrgChange } } ${CHANGE}`,
  ),
};

export type OrgChange = G.OrgChangeFragment;
export type AsOfUnit = G.OrgTreeAsOfQuery['orgUnitTree'][number];
