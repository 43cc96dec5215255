import { TestApi } from './test-api';

/** The plan, areas and budget operations as the tests call them (docs/architecture.md#plan-areas-and-budget). */
export const PB = {
  plan: `query($u: ID!, $y: Int!, $v: Int) { plan(orgUnitId: $u, year: $y, version: $v) { id version latest number issuedOn title newMembers
    newGrassrootsUnions coveragePercent assignments { officerId officerName duty newMembers newGrassrootsUnions } } }`,
  planVersions: `query($u: ID!, $y: Int!) { planVersions(orgUnitId: $u, year: $y) { version latest number title } }`,
  savePlan: `mutation($i: SavePlanInput!) { savePlan(input: $i) { id version latest number issuedOn title newMembers assignments { officerId duty newMembers } } }`,
  areas: `query($u: ID!) { officerAreas(orgUnitId: $u) { officerId officerName shared districts enterprises { id name } enterpriseCount focus
    focusWithUnion coveragePercent } }`,
  saveArea: `mutation($i: SaveOfficerAreaInput!) { saveOfficerArea(input: $i) { officerId shared districts enterprises { id } enterpriseCount focus
    focusWithUnion coveragePercent } }`,
  budget: `query($u: ID!, $y: Int!) { budget(orgUnitId: $u, year: $y) { planned spent spentPercent yearElapsedPercent newMembers newGrassrootsUnions
    costPerNewMember costPerNewGrassrootsUnion headings { id name planned spent spentPercent overPlan active }
    entries { id headingId amount spentOn voucherNumber note reversesId reversedById caseId grassrootsUnionId } } }`,
  saveHeading: `mutation($i: SaveBudgetHeadingInput!) { saveBudgetHeading(input: $i) { id name position active } }`,
  setPlan: `mutation($i: SetBudgetPlanInput!) { setBudgetPlan(input: $i) { planned headings { id name planned } } }`,
  record: `mutation($i: RecordBudgetEntryInput!) { recordBudgetEntry(input: $i) { warning entry { id amount headingName reversesId }
    heading { id planned spent overPlan spentPercent } } }`,
  reverse: `mutation($i: ReverseBudgetEntryInput!) { reverseBudgetEntry(input: $i) { warning entry { id amount reversesId note voucherNumber spentOn }
    heading { id spent } } }`,
};

/** The unit's headings (the seed's defaults on first read), by name. */
export async function headingsOf(api: TestApi, token: string, unitId: string, year: number): Promise<Record<string, string>> {
  const b = (await api.ok(PB.budget, { u: unitId, y: year }, token)).budget;
  return Object.fromEntries(b.headings.map((h: { id: string; name: string }) => [h.name, h.id]));
}
