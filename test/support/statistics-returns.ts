import { RETURN_INDICATORS } from '@app/domain';

/** GraphQL of the statistics returns (docs/architecture.md#statistics-returns). */
const FIG = RETURN_INDICATORS.join(' ');
export const R = {
  get: `query($g: ID!, $k: ReturnPeriodKind!, $y: Int!) { statisticsReturn(grassrootsUnionId: $g, kind: $k, year: $y) {
    id status version periodStart referenceDay dueOn late note sentBackReason figures { ${FIG} } prefill { ${FIG} }
    versions { version action status reason figures { ${FIG} } } } }`,
  save: `mutation($i: SaveStatisticsReturnInput!) { saveStatisticsReturn(input: $i) { id status version figures { ${FIG} } note } }`,
  submit: `mutation($i: StatisticsReturnVersionInput!) { submitStatisticsReturn(input: $i) { id status version late } }`,
  accept: `mutation($i: StatisticsReturnVersionInput!) { acceptStatisticsReturn(input: $i) { id status version } }`,
  sendBack: `mutation($i: SendBackStatisticsReturnInput!) { sendBackStatisticsReturn(input: $i) { id status version sentBackReason } }`,
  board: `query($u: ID!, $k: ReturnPeriodKind!, $y: Int!) { statisticsReturns(orgUnitId: $u, kind: $k, year: $y) {
    submitted accepted sentBack late missing notSubmitted rows { grassrootsUnionId name state late dueOn returnId } } }`,
  consolidated: `query($u: ID!, $k: ReturnPeriodKind!, $y: Int!) { consolidatedStatisticsReturn(orgUnitId: $u, kind: $k, year: $y) {
    rows { unitId name grassroots accepted figures { ${FIG} } } total { grassroots accepted figures { ${FIG} } } missing { grassrootsUnionId state } } }`,
};
