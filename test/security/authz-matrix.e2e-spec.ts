import { EscalationsService, Role as UserRole, UsersService } from '@app/core';
import { addDays, applicant, createEnterprise, openCase, vnToday } from '../support/case-fixtures';
import { G, newDirectMember, staffPerson } from '../support/grassroots';
import {
  ZERO_RETURN_FIGURES,
  admitStaff,
  documentSettings,
  firstHeading,
  newDryRun,
  newLedgerEntry,
  newUnionGroup,
  recommendToParty,
  uniq,
} from '../support/mutation-fixtures';
import { GqlResult, PASSWORD, Province, TestApi, TestUser, newTaxCode } from '../support/test-api';

/**
 * The authorization matrix: every Query and Mutation field of the running schema × every caller
 * (anonymous, OFFICER, SUPERVISOR, ADMIN, GRASSROOTS: the chair of a CĐCS of the province) × in and out of the caller's scope, with the outcome
 * WHO_MAY below gives (docs/architecture.md#scope-and-authorization):
 *   anonymous → UNAUTHENTICATED (login excepted); a role the table does not list → FORBIDDEN;
 *   an id outside the caller's scope → NOT_FOUND (null for `foundingCase` and `report`);
 *   otherwise allowed: any answer but UNAUTHENTICATED, FORBIDDEN, NOT_FOUND or INTERNAL_SERVER_ERROR
 *   (a business refusal such as CONFLICT or TRANSITION_NOT_ALLOWED is still "allowed").
 * An operation of the schema without a rule here fails the test: a new operation needs a rule.
 * A refused mutation must change nothing in the two provinces the test owns.
 */

type Role = 'OFFICER' | 'SUPERVISOR' | 'ADMIN' | 'GRASSROOTS';
type Caller = 'ANONYMOUS' | Role;
type Scope = 'in' | 'out';
type Outcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'NULL';

const CALLERS: Caller[] = ['ANONYMOUS', 'OFFICER', 'SUPERVISOR', 'ADMIN', 'GRASSROOTS'];
const LABEL: Record<Caller, string> = { ANONYMOUS: 'anon', OFFICER: 'off', SUPERVISOR: 'sup', ADMIN: 'adm', GRASSROOTS: 'cdcs' };
/** The upper level's roles. */
const ALL: Role[] = ['OFFICER', 'SUPERVISOR', 'ADMIN'];
/** Every role, a CĐCS's users included. */
const EVERYONE: Role[] = [...ALL, 'GRASSROOTS'];
/** Who changes a CĐCS's register: its own users, and ADMIN. */
const CDCS_WRITERS: Role[] = ['GRASSROOTS', 'ADMIN'];
const MANAGERS: Role[] = ['SUPERVISOR', 'ADMIN'];

/**
 * Who may call what: the roles allowed per operation, each group under a comment giving its row
 * (columns OFFICER | SUPERVISOR | ADMIN; GRASSROOTS, a CĐCS's chair, only where said: its scope is its own CĐCS). `outOfScope` says what an id outside the caller's scope answers
 * ('none': the operation takes no id, so there is no "out of scope" call). ADMIN's scope is
 * everything: its "out of scope" call (the other province) is allowed.
 */
interface AccessRule {
  roles: Role[] | 'PUBLIC';
  outOfScope: 'NOT_FOUND' | 'NULL' | 'none';
}
const WHO_MAY: Record<string, AccessRule> = {
  // | `me`, `orgUnits`, `enterprises`, `foundingCases`, `foundingCase`, `pipeline` (own unit) | ✔ | ✔ | ✔ |
  // GRASSROOTS: `me`, `changePassword`, `calendarDays`, `submitApplication` (to its own CĐCS) and the register below.
  'Query.me': { roles: EVERYONE, outOfScope: 'none' },
  'Query.orgUnits': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Query.enterprises': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Query.foundingCases': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Query.foundingCase': { roles: ALL, outOfScope: 'NULL' },
  'Query.pipeline': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // | `escalations` | ✔ addressed to it | ✔ all in its subtree | ✔ |  (scope filters the list; no id)
  'Query.escalations': { roles: ALL, outOfScope: 'none' },
  // Applications overdue at an upper-level union, scoped like `escalations`.
  'Query.applicationEscalations': { roles: ALL, outOfScope: 'none' },
  // The same escalations one row per case / application (the escalations page), scoped alike: the list has no id.
  'Query.escalatedCases': { roles: ALL, outOfScope: 'none' },
  'Query.escalatedApplications': { roles: ALL, outOfScope: 'none' },
  // | `report`, `reports`, `rewardNominations` | ✔ read | ✔ | ✔ |
  // Official documents (docs/architecture.md#official-documents): scope follows the source. Issue/cancel: managers
  // for a case or report, a CĐCS's users (and managers) for its admission decisions; reads: whoever reads the source.
  'Mutation.issueDocument': { roles: ['SUPERVISOR', 'ADMIN', 'GRASSROOTS'], outOfScope: 'NOT_FOUND' },
  'Mutation.cancelDocument': { roles: ['SUPERVISOR', 'ADMIN', 'GRASSROOTS'], outOfScope: 'NOT_FOUND' },
  'Query.documents': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  'Query.document': { roles: EVERYONE, outOfScope: 'NULL' },
  'Query.previewDocument': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  'Query.documentSettings': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  'Mutation.saveDocumentSettings': { roles: ['ADMIN'], outOfScope: 'none' },
  'Query.report': { roles: ALL, outOfScope: 'NULL' },
  'Query.reports': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Query.rewardNominations': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // The working calendar: everyone reads it, ADMIN keeps it.
  'Query.calendarDays': { roles: EVERYONE, outOfScope: 'none' },
  // A unit's users (the dashboard's assignee picker), inside the caller's scope.
  'Query.users': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Mutation.setCalendarDay': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.saveCalendarDay': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.saveCalendarDays': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.removeCalendarDay': { roles: ['ADMIN'], outOfScope: 'none' },
  // The years an ADMIN may set (the calendar page's year picker): everyone reads them, like the days.
  'Query.calendarYears': { roles: ALL, outOfScope: 'none' },
  // The calendar's warning (a year without days off): the board's users read it, like the years.
  'Query.calendarWarnings': { roles: ALL, outOfScope: 'none' },
  // "Every query needs a login except `login` itself."
  'Mutation.login': { roles: 'PUBLIC', outOfScope: 'none' },
  // | `createOrgUnit`, `createUser` | | ✔ in its subtree | ✔ |
  'Mutation.createOrgUnit': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.createUser': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // | `createEnterprise` | ✔ own unit | ✔ | ✔ |
  'Mutation.createEnterprise': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // The enterprise register: | `enterprise`, `updateEnterprise` | ✔ own unit | ✔ | ✔ |
  'Query.enterprise': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Mutation.updateEnterprise': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // | `closeEnterprise`, `reopenEnterprise` (coverage changes; like closing a case) | | ✔ | ✔ |
  'Mutation.closeEnterprise': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.reopenEnterprise': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // | `openFoundingCase`, `assignFoundingCase`, `closeFoundingCase`, `reopenFoundingCase` | | ✔ | ✔ |
  'Mutation.openFoundingCase': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.assignFoundingCase': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.closeFoundingCase': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.reopenFoundingCase': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // | `recordSurvey`, `recordOutreach`, `formMobilizationCommittee`, `recordFoundingCongress`,
  //   `advanceFoundingCase`, `submitApplication` | ✔ its assigned cases (and its unit's CĐCS) | ✔ | ✔ |
  'Mutation.recordSurvey': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Mutation.recordOutreach': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Mutation.formMobilizationCommittee': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Mutation.recordFoundingCongress': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Mutation.advanceFoundingCase': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Mutation.submitApplication': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  // | `recordRecognitionDecision`, `decideApplication` | | ✔ | ✔ |
  'Mutation.recordRecognitionDecision': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // GRASSROOTS: refuses the applications to its own CĐCS (its admit: BAD_USER_INPUT, it admits with admitMembers).
  'Mutation.decideApplication': { roles: ['SUPERVISOR', 'ADMIN', 'GRASSROOTS'], outOfScope: 'NOT_FOUND' },
  // | `setTarget`, `requestReport`, `evaluateRewards` | | ✔ | ✔ |
  'Mutation.setTarget': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.requestReport': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.evaluateRewards': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // | `decideNomination` | | ✔ not its own nomination | ✔ |  (own nomination: see the last test)
  'Mutation.decideNomination': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // | `acknowledgeEscalation` | ✔ its own | ✔ its own | ✔ |
  'Mutation.acknowledgeEscalation': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // Per row or selection: every escalation of the cases the caller sees (a case with none in its scope: NOT_FOUND).
  'Mutation.acknowledgeCaseEscalations': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // The office's registers: accounts: ADMIN every account, SUPERVISOR the OFFICERs of its
  // subtree (a SUPERVISOR or ADMIN account: FORBIDDEN, see test/accounts/accounts.e2e-spec.ts), OFFICER none.
  'Query.accounts': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.updateUser': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.deactivateUser': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.reactivateUser': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.resetPassword': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // Everyone changes its own password (no id).
  'Mutation.changePassword': { roles: EVERYONE, outOfScope: 'none' },
  // Organisation page: renaming a unit below one's own (SUPERVISOR) or any (ADMIN); the visible tree (OFFICER: its unit).
  'Mutation.updateOrgUnit': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Query.orgUnitTree': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // | `registerImport`, `confirmRegisterImport`, `cancelRegisterImport` | ✔ its unit's imports | ✔ its subtree's | ✔ |
  // (the upload itself is REST: POST /imports/enterprises, test/registers/register-import.e2e-spec.ts)
  'Query.registerImport': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Query.registerImports': { roles: ALL, outOfScope: 'none' },
  'Mutation.confirmRegisterImport': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Mutation.cancelRegisterImport': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // A CĐCS's register (docs/architecture.md#grassroots-unions):
  // | `members`, `member` | ✔ its subtree's CĐCS | ✔ | ✔ | GRASSROOTS ✔ its own CĐCS |
  'Query.members': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  'Query.member': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  // | `membershipApplications`, `admissionDecisions` (a CĐCS's applications and admission decisions) | ✔ its subtree's CĐCS | ✔ | ✔ | GRASSROOTS ✔ its own CĐCS |
  'Query.membershipApplications': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  'Query.admissionDecisions': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  // | `addStaff`, `updateStaff`, `admitMembers`, `recordMemberLeaving`, `transferMember` | | | ✔ | GRASSROOTS ✔ its own CĐCS |
  'Mutation.addStaff': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  'Mutation.updateStaff': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  'Mutation.admitMembers': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  'Mutation.recordMemberLeaving': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  'Mutation.transferMember': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  // | `createGrassrootsAccount` (from a recognized case's page) | | ✔ its subtree's cases | ✔ |
  'Mutation.createGrassrootsAccount': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // | `grassrootsUnions` (the upper level's list of its CĐCS) | ✔ its subtree's | ✔ | ✔ | |
  'Query.grassrootsUnions': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // | `upperLevelApplications` (the applications sent directly to an upper-level union) | ✔ its subtree's | ✔ | ✔ | |
  'Query.upperLevelApplications': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // | `upperLevelMembers` (the members it admitted directly) | ✔ its subtree's | ✔ | ✔ | |
  'Query.upperLevelMembers': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // | `recordUpperLevelMemberLeaving`, `transferUpperLevelMember` (to a CĐCS of its subtree) | | ✔ its subtree's | ✔ | |
  'Mutation.recordUpperLevelMemberLeaving': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.transferUpperLevelMember': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // | `setGrassrootsEmployer` (the employer of a CĐCS no founding case made) | | ✔ its subtree's | ✔ | |
  'Mutation.setGrassrootsEmployer': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // Statistics returns (docs/architecture.md#statistics-returns):
  // | `statisticsReturn`, `statisticsReturns`, `consolidatedStatisticsReturn` | ✔ its subtree's CĐCS | ✔ | ✔ | GRASSROOTS ✔ its own CĐCS |
  'Query.statisticsReturn': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  'Query.statisticsReturns': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  'Query.consolidatedStatisticsReturn': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  // | `saveStatisticsReturn`, `submitStatisticsReturn` | | | ✔ | GRASSROOTS ✔ its own CĐCS |
  'Mutation.saveStatisticsReturn': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  'Mutation.submitStatisticsReturn': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  // | `acceptStatisticsReturn`, `sendBackStatisticsReturn` | | ✔ its subtree's CĐCS | ✔ |
  'Mutation.acceptStatisticsReturn': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.sendBackStatisticsReturn': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // Party recommendations and union groups (docs/architecture.md#party-recommendations-and-union-groups):
  // | `partyRecommendations`, `unionGroups` | ✔ its subtree's CĐCS | ✔ | ✔ | GRASSROOTS ✔ its own CĐCS |
  'Query.partyRecommendations': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  'Query.unionGroups': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  // | `recommendMembersToParty`, `recordPartyAdmission`, `saveUnionGroup`, `removeUnionGroup`, `assignMemberToUnionGroup` | | | ✔ | GRASSROOTS ✔ its own CĐCS |
  'Mutation.recommendMembersToParty': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  'Mutation.recordPartyAdmission': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  'Mutation.saveUnionGroup': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  'Mutation.removeUnionGroup': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  'Mutation.assignMemberToUnionGroup': { roles: CDCS_WRITERS, outOfScope: 'NOT_FOUND' },
  // Review meetings (docs/architecture.md#review-meetings):
  // | `reviewMeetings`, `reviewMeeting` | ✔ its own unit | ✔ its subtree | ✔ |
  'Query.reviewMeetings': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Query.reviewMeeting': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // | `scheduleReviewMeeting`, `scheduleMonthlyReviewMeetings`, `cancelReviewMeeting`, `holdReviewMeeting` | | ✔ its subtree | ✔ |
  'Mutation.scheduleReviewMeeting': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.scheduleMonthlyReviewMeetings': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.cancelReviewMeeting': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.holdReviewMeeting': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // | `completeActionItem` | ✔ its own items | ✔ its subtree | ✔ |
  'Mutation.completeActionItem': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // The plan, areas and budget (docs/architecture.md#plan-areas-and-budget):
  // | `plan`, `planVersions`, `officerAreas`, `budget` | ✔ own unit | ✔ | ✔ |
  'Query.plan': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Query.planVersions': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Query.officerAreas': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Query.budget': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // | `savePlan`, `saveOfficerArea`, `saveBudgetHeading`, `setBudgetPlan`, `recordBudgetEntry`, `reverseBudgetEntry` | | ✔ | ✔ |
  'Mutation.savePlan': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.saveOfficerArea': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.saveBudgetHeading': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.setBudgetPlan': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.recordBudgetEntry': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  'Mutation.reverseBudgetEntry': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // | `statisticsReturnSettings` | ✔ its subtree | ✔ | ✔ | GRASSROOTS ✔ its own CĐCS | `saveStatisticsReturnSettings` | | ✔ its subtree | ✔ |
  'Query.statisticsReturnSettings': { roles: EVERYONE, outOfScope: 'NOT_FOUND' },
  'Mutation.saveStatisticsReturnSettings': { roles: MANAGERS, outOfScope: 'NOT_FOUND' },
  // Restructuring (docs/architecture.md#restructuring): | the writes | | | ✔ | ; | `orgUnitHistory` | ✔ its subtree | ✔ | ✔ |
  'Mutation.moveOrgUnit': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.transferOrgUnits': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.renameOrgUnit': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.foundOrgUnit': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.dissolveOrgUnit': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.mergeOrgUnits': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.splitOrgUnit': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.upgradeOrgUnit': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.downgradeOrgUnit': { roles: ['ADMIN'], outOfScope: 'none' },
  'Mutation.cancelOrgUnitChange': { roles: ['ADMIN'], outOfScope: 'none' },
  'Query.orgUnitHistory': { roles: ALL, outOfScope: 'NOT_FOUND' },
  'Query.scheduledOrgChanges': { roles: ALL, outOfScope: 'NOT_FOUND' },
  // | `auditLog` | | ✔ its subtree (the actor's unit or the rows changed) | ✔ |  (scope filters the list; no id)
  'Query.auditLog': { roles: MANAGERS, outOfScope: 'none' },
};

/** A fresh recommendation of a fresh member of the side's CĐCS (made by the ADMIN): an allowed call records its outcome. */
async function recommendationOf(w: World, s: Side): Promise<{ recommendationId: string; memberId: string }> {
  const memberId = await newStaff(w, s, true, true);
  return { recommendationId: await recommendToParty(w.api, w.admin.token, s.grassrootsId, memberId), memberId };
}

/** A fresh union group of the side's CĐCS (made by the ADMIN). */
function unionGroupOf(w: World, s: Side): Promise<string> {
  return newUnionGroup(w.api, w.admin.token, s.grassrootsId, 'Tổ Ma Trận');
}

/** A spending heading of the side's unit (the seed's defaults made on first use). */
function headingOf(w: World, s: Side): Promise<string> {
  return firstHeading(w.api, s.p.unitId);
}

/** A fresh ledger entry of the side's unit (an allowed call reverses it), before the fingerprint. */
function entryOf(w: World, s: Side): Promise<string> {
  return newLedgerEntry(w.api, s.p.unitId, s.p.supervisor.id, 'MT');
}

/** A day too far back for any structure change: an ADMIN's call is refused (BAD_USER_INPUT, still "allowed") and changes nothing. */
const OLD_DAY = '2001-01-01';
/** A change no longer scheduled: cancelling it answers CONFLICT (allowed for an ADMIN). */
async function settledChange(w: World): Promise<string> {
  const [row] = await w.api.db.query(
    `INSERT INTO org_unit_change (kind, effective_on, decision_reference, status, unit_ids, payload, created_by)
     VALUES ('RENAME', '2001-01-01', 'QĐ Ma Trận', 'CANCELLED', '{}', '{"ids":[],"summary":""}', $1) RETURNING id::text`,
    [w.admin.id],
  );
  return row.id;
}

const RETURN_YEAR = 2020;
/** The side's CĐCS's return for the half-year of RETURN_YEAR (a zero draft made once), with its current version. */
async function returnOf(w: World, s: Side): Promise<{ id: string; version: number }> {
  const find = async () =>
    (
      await w.api.db.query(`SELECT id, version FROM statistics_return WHERE grassroots_union_id = $1 AND period_kind = 'HALF_YEAR' AND year = $2`, [
        s.grassrootsId,
        RETURN_YEAR,
      ])
    )[0];
  if (!(await find())) {
    await w.api.ok(
      `mutation($i: SaveStatisticsReturnInput!) { saveStatisticsReturn(input: $i) { id } }`,
      {
        i: {
          grassrootsUnionId: s.grassrootsId,
          kind: 'HALF_YEAR',
          year: RETURN_YEAR,
          version: 0,
          figures: ZERO_RETURN_FIGURES,
          note: 'Ma trận',
        },
      },
      w.admin.token,
    );
  }
  return find();
}

/** The objects of one province ("in" is province A, the callers' own; "out" is province B). */
interface Side {
  p: Province;
  caseId: string;
  enterpriseId: string;
  grassrootsId: string;
  applicationId: string;
  reportId: string;
  nominationId: string;
  escalation: Record<'WARNING' | 'BREACH', string>;
  /** An OFFICER account no caller uses, for the account operations. */
  accountId: string;
  /** A register import of the province's unit, VALIDATED (a dry run of a one-row file). */
  importId: string;
  /** The chair (GRASSROOTS) of the CĐCS `grassrootsId`, and a person of its staff list. */
  chair: TestUser;
  staffId: string;
  /** A held review meeting of the province's unit, and its action item assigned to the province's officer. */
  meetingId: string;
  actionItemId: string;
}
interface World {
  api: TestApi;
  admin: TestUser;
  in: Side;
  out: Side;
}

type ArgsFn = (w: World, caller: Caller, side: Side) => Promise<Record<string, unknown>> | Record<string, unknown>;

const year = Number(vnToday().slice(0, 4));
const firstOfMonth = `${vnToday().slice(0, 8)}01`;
/** The first Tuesday of June two years on (the last year an ADMIN may set). */
const FAR_WEEKDAY = ((y: number) => {
  for (let d = 1; ; d++) if (new Date(Date.UTC(y, 5, d)).getUTCDay() === 2) return `${y}-06-0${d}`;
})(year + 2);
const FAR_WEDNESDAY = `${FAR_WEEKDAY.slice(0, 8)}${String(Number(FAR_WEEKDAY.slice(8)) + 1).padStart(2, '0')}`;
let seq = 0;

/** A fresh dry run in the province's unit (uploaded by its supervisor), VALIDATED. */
function newImport(api: TestApi, p: Province): Promise<string> {
  return newDryRun(api, p, 'Ma Trận', 'ma-tran.csv');
}

async function versionOf(w: World, caseId: string): Promise<number> {
  const [row] = await w.api.db.query(`SELECT version FROM founding_case WHERE id = $1`, [caseId]);
  return row.version;
}

/** A fresh admission decision of the side's CĐCS (written directly: the matrix needs only its row). */
async function admissionOf(w: World, s: Side): Promise<string> {
  const [row] = await w.api.db.query(
    `INSERT INTO admission_decision (grassroots_union_id, number, decided_on, signer, created_by) VALUES ($1, $2, $3, 'Chủ tịch Ma Trận', $4) RETURNING id`,
    [s.grassrootsId, `QĐ-${uniq()}`, vnToday(), s.chair.id],
  );
  return row.id;
}

/** A fresh READY document of the side: from its case (its one live decision: the earlier one is cancelled), or (`cdcs`) from an admission decision of its CĐCS. */
async function officialDocumentOf(w: World, s: Side, cdcs: boolean): Promise<string> {
  const n = 100_000 + seq++;
  await w.api.db.query(`UPDATE official_document SET cancelled_at = now(), cancel_reason = 'MT' WHERE source_id = $1 AND cancelled_at IS NULL`, [s.caseId]);
  const [row] = await w.api.db.query(
    `INSERT INTO official_document (kind, org_unit_id, source_id, year, kind_symbol, number, number_label, issued_on, title, settings, status, created_by)
     VALUES ($1, $2, $3, 2026, 'QĐ', $4, $5, $6, 'Văn bản Ma Trận', '{}', 'READY', $7) RETURNING id`,
    [
      cdcs ? 'ADMISSION_DECISION' : 'RECOGNITION_DECISION',
      cdcs ? s.grassrootsId : s.p.unitId,
      cdcs ? await admissionOf(w, s) : s.caseId,
      n,
      `${n}/QĐ-MT`,
      vnToday(),
      s.p.supervisor.id,
    ],
  );
  return row.id;
}

/** Minimal valid arguments per operation, for the caller, against the objects of `side`. */
const ARGS: Record<string, ArgsFn> = {
  'Query.me': () => ({}),
  'Query.orgUnits': (_w, _c, s) => ({ parentId: s.p.unitId }),
  'Query.enterprises': (_w, _c, s) => ({ filter: { orgUnitId: s.p.unitId }, first: 5 }),
  'Query.foundingCases': (_w, _c, s) => ({ filter: { orgUnitId: s.p.unitId }, first: 5 }),
  'Query.foundingCase': (_w, _c, s) => ({ id: s.caseId }),
  'Query.pipeline': (_w, _c, s) => ({ orgUnitId: s.p.unitId, year }),
  'Query.escalations': () => ({ openOnly: false }),
  'Query.applicationEscalations': () => ({ openOnly: false }),
  'Query.escalatedCases': () => ({ open: false, first: 5 }),
  'Query.escalatedApplications': () => ({ open: false, first: 5 }),
  'Query.report': (_w, _c, s) => ({ id: s.reportId }),
  'Query.reports': (_w, _c, s) => ({ orgUnitId: s.p.unitId }),
  'Query.rewardNominations': (_w, _c, s) => ({ orgUnitId: s.p.unitId }),
  'Query.calendarDays': () => ({ year }),
  'Query.users': (_w, _c, s) => ({ orgUnitId: s.p.unitId }),
  // A far day with no entry, removed: refused as input (outside the supported years), harmless to the calendar other tests use.
  'Mutation.setCalendarDay': () => ({ day: '2099-06-16', kind: null, note: null }),
  // A weekday of the last supported year, past every case's window (taken out again in afterAll).
  'Mutation.saveCalendarDay': () => ({ input: { day: FAR_WEEKDAY, kind: 'DAY_OFF', note: 'Kiểm tra phân quyền', document: 'Thông báo 1/TB-KT' } }),
  // Removed if saved before, else refused as input (not in the calendar): allowed either way.
  'Mutation.removeCalendarDay': () => ({ day: FAR_WEEKDAY }),
  // The Wednesday after FAR_WEEKDAY, likewise past every window (taken out again in afterAll).
  'Mutation.saveCalendarDays': () => ({
    input: { days: [{ day: FAR_WEDNESDAY, kind: 'DAY_OFF', note: 'Kiểm tra phân quyền', document: 'Thông báo 1/TB-KT' }] },
  }),
  'Query.calendarWarnings': () => ({}),
  'Query.calendarYears': () => ({}),
  'Mutation.login': (_w, _c, s) => ({ email: s.p.officers[0].email, password: PASSWORD }),
  'Mutation.createOrgUnit': (_w, _c, s) => ({ input: { name: `Công đoàn cơ sở ${uniq()}`, kind: 'GRASSROOTS', parentId: s.p.unitId } }),
  'Mutation.createUser': (_w, _c, s) => ({
    input: { email: `matrix.${uniq()}@test.vn`, fullName: 'Nguyễn Văn Ma Trận', password: 'long-enough-1', role: 'OFFICER', orgUnitId: s.p.unitId },
  }),
  'Mutation.createEnterprise': (_w, _c, s) => ({
    input: { name: `Công ty Ma Trận ${uniq()}`, taxCode: newTaxCode(), workerCount: 40, hasUnion: false, orgUnitId: s.p.unitId },
  }),
  'Query.enterprise': (_w, _c, s) => ({ id: s.enterpriseId }),
  'Mutation.updateEnterprise': (_w, _c, s) => ({ input: { id: s.enterpriseId, address: `Số ${uniq()} phố Lê Lợi`, workerCount: 40 + seq++ } }),
  // A fresh enterprise of the side each time (an allowed call closes it; the fingerprint is taken after the arguments).
  'Mutation.closeEnterprise': async (w, _c, s) => ({ input: { id: await createEnterprise(w.api, s.p), closedOn: vnToday(), note: 'Kiểm tra phân quyền' } }),
  // A fresh enterprise of the side, closed by the admin (an allowed call reopens it).
  'Mutation.reopenEnterprise': async (w, _c, s) => {
    const id = await createEnterprise(w.api, s.p);
    await w.api.ok(`mutation($i: CloseEnterpriseInput!) { closeEnterprise(input: $i) { id } }`, { i: { id, closedOn: vnToday() } }, w.admin.token);
    return { id };
  },
  // In scope: a fresh enterprise each time (an allowed call opens a case on it).
  'Mutation.openFoundingCase': async (w, _c, s) => ({ input: { enterpriseId: s === w.in ? await createEnterprise(w.api, s.p) : s.enterpriseId } }),
  'Mutation.assignFoundingCase': async (w, _c, s) => ({
    input: { caseId: s.caseId, expectedVersion: await versionOf(w, s.caseId), assigneeId: s.p.officers[0].id, reason: 'Phân công lại' },
  }),
  'Mutation.closeFoundingCase': async (w, _c, s) => ({
    input: { caseId: s.caseId, expectedVersion: await versionOf(w, s.caseId), reason: 'OTHER', comment: 'Kiểm tra phân quyền' },
  }),
  'Mutation.reopenFoundingCase': async (w, _c, s) => ({
    input: { caseId: s.caseId, expectedVersion: await versionOf(w, s.caseId), comment: 'Kiểm tra phân quyền' },
  }),
  'Mutation.recordSurvey': async (w, _c, s) => ({
    input: { caseId: s.caseId, expectedVersion: await versionOf(w, s.caseId), surveyedOn: vnToday(), workerCount: 120, hasUnion: false },
  }),
  'Mutation.recordOutreach': async (w, _c, s) => ({
    input: { caseId: s.caseId, expectedVersion: await versionOf(w, s.caseId), heldOn: vnToday(), workersReached: 80, workersInterested: 30 },
  }),
  'Mutation.formMobilizationCommittee': async (w, _c, s) => ({
    input: { caseId: s.caseId, expectedVersion: await versionOf(w, s.caseId), formedOn: vnToday(), memberNames: ['Nguyễn Thị Hoa'] },
  }),
  'Mutation.recordFoundingCongress': async (w, _c, s) => ({
    input: {
      caseId: s.caseId,
      expectedVersion: await versionOf(w, s.caseId),
      heldOn: vnToday(),
      attendees: 30,
      executiveCommittee: ['Nguyễn Thị Hoa'],
      chairName: 'Nguyễn Thị Hoa',
      dossierCompletedOn: vnToday(),
    },
  }),
  'Mutation.recordRecognitionDecision': async (w, _c, s) => ({
    input: {
      caseId: s.caseId,
      expectedVersion: await versionOf(w, s.caseId),
      decisionNumber: `9/QĐ-${uniq()}`,
      decidedOn: vnToday(),
      signedBy: 'Phạm Văn Đức',
      grassrootsUnionName: 'Công đoàn cơ sở Ma Trận',
    },
  }),
  'Mutation.advanceFoundingCase': async (w, _c, s) => ({ input: { caseId: s.caseId, expectedVersion: await versionOf(w, s.caseId) } }),
  'Mutation.submitApplication': (_w, _c, s) => ({ input: applicant({ grassrootsUnionId: s.grassrootsId }) }),
  'Mutation.decideApplication': (_w, _c, s) => ({
    input: { applicationId: s.applicationId, admit: true, decidedOn: vnToday(), decisionNumber: `QĐ-${uniq()}` },
  }),
  'Mutation.setTarget': (_w, _c, s) => ({ input: { year, orgUnitId: s.p.unitId, newMembers: 100 } }),
  'Mutation.requestReport': (_w, _c, s) => ({ input: { orgUnitId: s.p.unitId, periodKind: 'MONTH', periodStart: firstOfMonth } }),
  // Documents: GRASSROOTS on its CĐCS's admission, the others on the side's case (not recognized: an allowed issue answers CONFLICT); cancel: a fresh document each time.
  'Mutation.issueDocument': async (w, c, s) => ({
    input: c === 'GRASSROOTS' ? { kind: 'ADMISSION_DECISION', sourceId: await admissionOf(w, s) } : { kind: 'RECOGNITION_DECISION', sourceId: s.caseId },
  }),
  'Mutation.cancelDocument': async (w, c, s) => ({ input: { id: await officialDocumentOf(w, s, c === 'GRASSROOTS'), reason: 'Kiểm tra phân quyền' } }),
  'Query.documents': async (w, c, s) =>
    c === 'GRASSROOTS' ? { kind: 'ADMISSION_DECISION', sourceId: await admissionOf(w, s) } : { kind: 'RECOGNITION_DECISION', sourceId: s.caseId },
  'Query.document': async (w, c, s) => ({ id: await officialDocumentOf(w, s, c === 'GRASSROOTS') }),
  'Query.previewDocument': async (w, c, s) => ({
    input: c === 'GRASSROOTS' ? { kind: 'ADMISSION_DECISION', sourceId: await admissionOf(w, s) } : { kind: 'RECOGNITION_DECISION', orgUnitId: s.p.unitId },
  }),
  'Query.documentSettings': (_w, c, s) => ({ orgUnitId: c === 'GRASSROOTS' ? s.grassrootsId : s.p.unitId }),
  'Mutation.saveDocumentSettings': (w) => ({ input: documentSettings(w.in.p.unitId) }),
  'Mutation.evaluateRewards': (_w, _c, s) => ({ orgUnitId: s.p.unitId, periodKind: 'YEAR', periodStart: `${year}-01-01` }),
  'Mutation.decideNomination': (_w, _c, s) => ({ id: s.nominationId, approve: false, note: 'Kiểm tra phân quyền' }),
  // Each caller's own escalation: the officer gets the WARNING, the supervisor the BREACH.
  'Mutation.acknowledgeEscalation': (_w, c, s) => ({ id: c === 'SUPERVISOR' ? s.escalation.BREACH : s.escalation.WARNING }),
  'Mutation.acknowledgeCaseEscalations': (_w, _c, s) => ({ input: { caseIds: [s.caseId] } }),
  'Query.accounts': (_w, _c, s) => ({ filter: { orgUnitId: s.p.unitId }, first: 5 }),
  'Query.orgUnitTree': (_w, _c, s) => ({ rootId: s.p.unitId }),
  'Mutation.updateUser': (_w, _c, s) => ({ input: { id: s.accountId, fullName: `Nguyễn Văn Ma Trận ${uniq()}` } }),
  // Allowed calls toggle the spare account; each is allowed whatever its state.
  'Mutation.deactivateUser': (_w, _c, s) => ({ id: s.accountId }),
  'Mutation.reactivateUser': (_w, _c, s) => ({ id: s.accountId }),
  'Mutation.resetPassword': (_w, _c, s) => ({ id: s.accountId }),
  // The right current password and the same as the new one: refused as input (BAD_USER_INPUT, still "allowed"),
  // so the callers' own tokens survive the matrix.
  'Mutation.changePassword': () => ({ input: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
  'Mutation.updateOrgUnit': (_w, _c, s) => ({ input: { id: s.grassrootsId, name: `Công đoàn cơ sở Ma Trận ${uniq()}` } }),
  'Query.registerImport': (_w, _c, s) => ({ id: s.importId }),
  'Query.registerImports': () => ({ first: 5 }),
  // In scope: a fresh dry run each time (an allowed call confirms or cancels it).
  'Mutation.confirmRegisterImport': async (w, _c, s) => ({ id: s === w.in ? await newImport(w.api, s.p) : s.importId }),
  'Mutation.cancelRegisterImport': async (w, _c, s) => ({ id: s === w.in ? await newImport(w.api, s.p) : s.importId }),
  'Query.members': (_w, _c, s) => ({ grassrootsUnionId: s.grassrootsId, first: 5 }),
  'Query.membershipApplications': (_w, _c, s) => ({ grassrootsUnionId: s.grassrootsId, first: 5 }),
  'Query.admissionDecisions': (_w, _c, s) => ({ grassrootsUnionId: s.grassrootsId, first: 5 }),
  'Query.grassrootsUnions': (_w, _c, s) => ({ orgUnitId: s.p.unitId, first: 5 }),
  'Query.upperLevelApplications': (_w, _c, s) => ({ orgUnitId: s.p.unitId, first: 5 }),
  'Query.upperLevelMembers': (_w, _c, s) => ({ orgUnitId: s.p.unitId, first: 5 }),
  // A fresh direct member of the side's upper-level union each time (admitted by the ADMIN): an allowed call ends or moves it.
  'Mutation.recordUpperLevelMemberLeaving': async (w, _c, s) => ({
    input: { memberId: (await newDirectMember(w.api, s.p, w.admin.token)).memberId, leftOn: vnToday(), reason: 'LEFT_JOB' },
  }),
  'Mutation.transferUpperLevelMember': async (w, _c, s) => ({
    input: { memberId: (await newDirectMember(w.api, s.p, w.admin.token)).memberId, grassrootsUnionId: s.grassrootsId, transferredOn: vnToday() },
  }),
  // Clearing what is not set: allowed, changes nothing.
  'Mutation.setGrassrootsEmployer': (_w, _c, s) => ({ input: { grassrootsUnionId: s.grassrootsId, enterpriseId: null } }),
  'Query.member': (_w, _c, s) => ({ id: s.staffId }),
  'Mutation.addStaff': (_w, _c, s) => ({ input: { grassrootsUnionId: s.grassrootsId, ...staffPerson() } }),
  'Mutation.updateStaff': (_w, _c, s) => ({ input: { id: s.staffId, ...staffPerson() } }),
  // In scope: a fresh person each time (an allowed call admits it).
  'Mutation.admitMembers': async (w, _c, s) => ({
    input: {
      grassrootsUnionId: s.grassrootsId,
      decisionNumber: `QĐ-${uniq()}`,
      decidedOn: vnToday(),
      signer: 'Nguyễn Văn Ký',
      memberIds: [s === w.in ? await newStaff(w, s, true) : s.staffId],
    },
  }),
  // In scope: a fresh member each time (an allowed call records it leaving).
  'Mutation.recordMemberLeaving': async (w, _c, s) => ({
    input: { memberId: s === w.in ? await newStaff(w, s, true, true) : s.staffId, leftOn: vnToday(), reason: 'LEFT_JOB' },
  }),
  // Allowed: refused as input (nobody else is a member with that citizen id), still "allowed".
  'Mutation.transferMember': (_w, _c, s) => ({ input: { memberId: s.staffId, transferredOn: vnToday() } }),
  'Query.statisticsReturn': (_w, _c, s) => ({ grassrootsUnionId: s.grassrootsId, kind: 'HALF_YEAR', year }),
  // The CĐCS itself as the unit: in every caller's scope, the chair's included.
  'Query.statisticsReturns': (_w, _c, s) => ({ orgUnitId: s.grassrootsId, kind: 'YEAR', year }),
  'Query.consolidatedStatisticsReturn': (_w, _c, s) => ({ orgUnitId: s.grassrootsId, kind: 'YEAR', year }),
  // Version 0: the first allowed call saves a draft, the next ones answer CONFLICT (still "allowed").
  'Mutation.saveStatisticsReturn': (_w, _c, s) => ({
    input: {
      grassrootsUnionId: s.grassrootsId,
      kind: 'YEAR',
      year: RETURN_YEAR,
      version: 0,
      figures: ZERO_RETURN_FIGURES,
      note: 'Ma trận',
    },
  }),
  // Allowed calls move the side's return on; once past a status they answer TRANSITION_NOT_ALLOWED (still "allowed").
  'Mutation.submitStatisticsReturn': async (w, _c, s) => ({ input: await returnOf(w, s) }),
  'Mutation.acceptStatisticsReturn': async (w, _c, s) => ({ input: await returnOf(w, s) }),
  'Mutation.sendBackStatisticsReturn': async (w, _c, s) => ({ input: { ...(await returnOf(w, s)), reason: 'Kiểm tra phân quyền' } }),
  'Query.partyRecommendations': (_w, _c, s) => ({ grassrootsUnionId: s.grassrootsId, year }),
  'Query.unionGroups': (_w, _c, s) => ({ grassrootsUnionId: s.grassrootsId }),
  // A fresh member each time (an allowed call recommends it).
  'Mutation.recommendMembersToParty': async (w, _c, s) => ({
    input: { grassrootsUnionId: s.grassrootsId, resolutionNumber: `NQ-${uniq()}`, resolutionOn: vnToday(), memberIds: [await newStaff(w, s, true, true)] },
  }),
  'Mutation.recordPartyAdmission': async (w, _c, s) => ({ input: { ...(await recommendationOf(w, s)), admitted: true, decidedOn: vnToday() } }),
  'Mutation.saveUnionGroup': (_w, _c, s) => ({ input: { grassrootsUnionId: s.grassrootsId, name: `Tổ Ma Trận ${uniq()}` } }),
  'Mutation.removeUnionGroup': async (w, _c, s) => ({ id: await unionGroupOf(w, s) }),
  'Mutation.assignMemberToUnionGroup': async (w, _c, s) => ({
    input: { memberId: await newStaff(w, s, true, true), unionGroupId: await unionGroupOf(w, s) },
  }),
  'Query.reviewMeetings': (_w, _c, s) => ({ orgUnitId: s.p.unitId, year: 2026 }),
  'Query.reviewMeeting': (_w, _c, s) => ({ id: s.meetingId }),
  // A fresh day each time (an allowed call schedules a meeting on it).
  'Mutation.scheduleReviewMeeting': (_w, _c, s) => ({ input: { orgUnitId: s.p.unitId, day: meetingDay(1), chairId: s.p.supervisor.id } }),
  // The first allowed call schedules the year's months, the next ones add none.
  'Mutation.scheduleMonthlyReviewMeetings': (_w, _c, s) => ({ input: { orgUnitId: s.p.unitId, year: year + 3, chairId: s.p.supervisor.id, dayOfMonth: 10 } }),
  // In scope: a fresh scheduled meeting each time (an allowed call cancels or holds it); out: the side's held meeting.
  'Mutation.cancelReviewMeeting': async (w, _c, s) => ({ input: { id: s === w.in ? await newMeeting(w, s, meetingDay(1)) : s.meetingId } }),
  'Mutation.holdReviewMeeting': async (w, _c, s) => ({
    input: {
      id: s === w.in ? await newMeeting(w, s, meetingDay(-1)) : s.meetingId,
      minutes: 'Kiểm tra phân quyền',
      actionItems: [{ what: 'Việc kiểm tra', assigneeId: s.p.officers[0].id, dueOn: vnToday() }],
    },
  }),
  // The side's item is the officer's own: allowed calls mark it done (again: still done).
  'Mutation.completeActionItem': (_w, _c, s) => ({ id: s.actionItemId }),
  'Query.statisticsReturnSettings': (_w, _c, s) => ({ orgUnitId: s.grassrootsId }),
  'Mutation.saveStatisticsReturnSettings': (_w, _c, s) => ({ input: { orgUnitId: s.p.unitId, dueWorkingDays: 12 } }),
  'Mutation.moveOrgUnit': (_w, _c, s) => ({ input: { id: s.grassrootsId, newParentId: s.p.federationId, effectiveOn: OLD_DAY, decisionReference: 'QĐ' } }),
  'Mutation.transferOrgUnits': (_w, _c, s) => ({
    input: { ids: [s.grassrootsId], newParentId: s.p.federationId, effectiveOn: OLD_DAY, decisionReference: 'QĐ' },
  }),
  'Mutation.renameOrgUnit': (_w, _c, s) => ({ input: { id: s.grassrootsId, name: 'Tên Ma Trận', effectiveOn: OLD_DAY, decisionReference: 'QĐ' } }),
  'Mutation.foundOrgUnit': (_w, _c, s) => ({
    input: { name: 'Công đoàn Ma Trận', kind: 'UPPER_LEVEL', parentId: s.p.federationId, effectiveOn: OLD_DAY, decisionReference: 'QĐ' },
  }),
  'Mutation.dissolveOrgUnit': (_w, _c, s) => ({ input: { id: s.grassrootsId, effectiveOn: OLD_DAY, decisionReference: 'QĐ' } }),
  'Mutation.mergeOrgUnits': (_w, _c, s) => ({ input: { ids: [s.grassrootsId], into: s.p.unitId, effectiveOn: OLD_DAY, decisionReference: 'QĐ' } }),
  'Mutation.splitOrgUnit': (_w, _c, s) => ({ input: { id: s.p.unitId, parts: [{ name: 'A' }, { name: 'B' }], effectiveOn: OLD_DAY, decisionReference: 'QĐ' } }),
  'Mutation.upgradeOrgUnit': (_w, _c, s) => ({ input: { id: s.grassrootsId, effectiveOn: OLD_DAY, decisionReference: 'QĐ' } }),
  'Mutation.downgradeOrgUnit': (_w, _c, s) => ({ input: { id: s.p.unitId, effectiveOn: OLD_DAY, decisionReference: 'QĐ' } }),
  'Mutation.cancelOrgUnitChange': async (w) => ({ id: await settledChange(w) }),
  'Query.orgUnitHistory': (_w, _c, s) => ({ id: s.p.unitId }),
  'Query.scheduledOrgChanges': (_w, _c, s) => ({ rootId: s.p.unitId }),
  // The side's case is not recognized: allowed calls answer TRANSITION_NOT_ALLOWED.
  'Query.auditLog': () => ({ filter: { from: vnToday() }, first: 5 }),
  'Mutation.createGrassrootsAccount': (_w, _c, s) => ({
    input: { caseId: s.caseId, email: `cdcs.${uniq()}@test.vn`, fullName: 'Chủ tịch Ma Trận', password: 'long-enough-1' },
  }),
  // A plan saved once per side, so an allowed read answers it (not null).
  'Query.plan': async (w, _c, s) => {
    const [has] = await w.api.db.query(`SELECT 1 FROM work_plan WHERE org_unit_id = $1 AND year = $2`, [s.p.unitId, year]);
    if (!has)
      await w.api.ok(
        `mutation($i: SavePlanInput!) { savePlan(input: $i) { id } }`,
        { i: { orgUnitId: s.p.unitId, year, number: '1/KH-MT', issuedOn: vnToday(), title: 'Kế hoạch Ma Trận' } },
        w.admin.token,
      );
    return { orgUnitId: s.p.unitId, year };
  },
  'Query.planVersions': (_w, _c, s) => ({ orgUnitId: s.p.unitId, year }),
  'Query.officerAreas': (_w, _c, s) => ({ orgUnitId: s.p.unitId }),
  'Query.budget': (_w, _c, s) => ({ orgUnitId: s.p.unitId, year }),
  'Mutation.savePlan': (_w, _c, s) => ({ input: { orgUnitId: s.p.unitId, year, number: '1/KH-MT', issuedOn: vnToday(), title: 'Kế hoạch Ma Trận' } }),
  'Mutation.saveOfficerArea': (_w, _c, s) => ({ input: { officerId: s.p.officers[0].id, districts: [`Huyện Ma Trận ${s.p.tag}`] } }),
  'Mutation.saveBudgetHeading': (_w, _c, s) => ({ input: { orgUnitId: s.p.unitId, name: `Khoản Ma Trận ${uniq()}` } }),
  'Mutation.setBudgetPlan': async (w, _c, s) => ({ input: { orgUnitId: s.p.unitId, year, lines: [{ headingId: await headingOf(w, s), amount: '5000000' }] } }),
  'Mutation.recordBudgetEntry': async (w, _c, s) => ({
    input: { orgUnitId: s.p.unitId, headingId: await headingOf(w, s), spentOn: vnToday(), amount: '1000', voucherNumber: 'MT-1' },
  }),
  'Mutation.reverseBudgetEntry': async (w, _c, s) => ({ input: { entryId: await entryOf(w, s), reason: 'Kiểm tra phân quyền' } }),
};

let meetingSeq = 0;
/** A day no other meeting of the matrix uses: after (1) or before (-1) today. */
const meetingDay = (sign: 1 | -1) => addDays(vnToday(), sign * (200 + meetingSeq++));
/** A scheduled meeting of the side's unit on `day` (by the ADMIN, before the fingerprint). */
async function newMeeting(w: World, s: Side, day: string): Promise<string> {
  const d = await w.api.ok(
    `mutation($i: ScheduleReviewMeetingInput!) { scheduleReviewMeeting(input: $i) { id } }`,
    { i: { orgUnitId: s.p.unitId, day, chairId: s.p.supervisor.id } },
    w.admin.token,
  );
  return d.scheduleReviewMeeting.id;
}

/** A person of the side's CĐCS staff list, added (and with `admit`, admitted) by the ADMIN, before the fingerprint. */
async function newStaff(w: World, s: Side, fresh: boolean, admit = false): Promise<string> {
  if (!fresh) return s.staffId;
  const id = (await w.api.ok(G.addStaff, { i: { grassrootsUnionId: s.grassrootsId, ...staffPerson() } }, w.admin.token)).addStaff.id as string;
  if (admit) await admitStaff(w.api, w.admin.token, s.grassrootsId, id);
  return id;
}

function expected(rule: AccessRule, caller: Caller, scope: Scope): Outcome {
  if (rule.roles === 'PUBLIC') return 'ALLOWED';
  if (caller === 'ANONYMOUS') return 'UNAUTHENTICATED';
  if (!rule.roles.includes(caller)) return 'FORBIDDEN';
  if (scope === 'out' && caller !== 'ADMIN' && rule.outOfScope !== 'none') return rule.outOfScope;
  return 'ALLOWED';
}

function observed(r: GqlResult, field: string): string {
  const code = r.errors?.[0]?.extensions?.code as string | undefined;
  if (code) return code;
  if (r.data && r.data[field] === null) return 'NULL';
  return 'OK';
}

function matches(outcome: Outcome, seen: string): boolean {
  if (outcome === 'ALLOWED') return !['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INTERNAL_SERVER_ERROR', 'NULL'].includes(seen);
  return seen === outcome;
}

// --- schema introspection -------------------------------------------------------------------

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface Operation {
  kind: 'Query' | 'Mutation';
  name: string;
  args: { name: string; type: TypeRef }[];
  type: TypeRef;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const typeString = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${typeString(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeString(t.ofType!)}]` : t.name!);
const namedKind = (t: TypeRef): string => (t.ofType ? namedKind(t.ofType) : t.kind);

function documentOf(op: Operation, vars: Record<string, unknown>): string {
  const used = op.args.filter((a) => a.name in vars);
  const defs = used.length ? `(${used.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ')})` : '';
  const call = used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(namedKind(op.type)) ? ' { __typename }' : '';
  return `${op.kind.toLowerCase()}${defs} { ${op.name}${call}${selection} }`;
}

jest.setTimeout(180_000);

describe('security: authorization matrix', () => {
  let w: World;
  let operations: Operation[];
  let fedPaths: string[];

  async function side(api: TestApi): Promise<Side> {
    const p = await api.newProvince(1);
    const ref = await openCase(api, p); // assigned to the province's officer
    const enterpriseId = await createEnterprise(api, p);
    const unit = await api.ok(
      `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }`,
      {
        i: { name: `Công đoàn cơ sở Công ty Dệt ${p.tag}`, kind: 'GRASSROOTS', parentId: p.unitId },
      },
      p.supervisor.token,
    );
    const grassrootsId = unit.createOrgUnit.id;
    const app = await api.ok(
      `mutation($i: ApplicationInput!) { submitApplication(input: $i) { id } }`,
      { i: applicant({ grassrootsUnionId: grassrootsId }) },
      p.supervisor.token,
    );
    const report = await api.ok(
      `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
      {
        i: { orgUnitId: p.unitId, periodKind: 'MONTH', periodStart: firstOfMonth },
      },
      p.supervisor.token,
    );
    const [nomination] = await api.db.query(
      `INSERT INTO reward_nomination (org_unit_id, occasion, period_kind, period_start, period_end, rule, officer_id, nominee, score, basis, figures)
       VALUES ($1, 'YEAR_END', 'YEAR', $2, $3, 'OFFICER_RESULTS', $4, 'Cán bộ Ma Trận', 1, 'kiểm tra phân quyền', '{}') RETURNING id`,
      [p.unitId, `${year - 1}-01-01`, `${year - 1}-12-31`, p.officers[0].id],
    );
    // Every escalation level of the case is due on a far day: WARNING to the officer, BREACH to the supervisor.
    await api.app.get(EscalationsService).sweepCase(ref.caseId, '2099-12-31');
    const rows: { id: string; level: 'WARNING' | 'BREACH' }[] = await api.db.query(`SELECT id, level FROM escalation WHERE case_id = $1`, [ref.caseId]);
    const escalation = Object.fromEntries(rows.map((r) => [r.level, r.id])) as Side['escalation'];
    expect(escalation.WARNING && escalation.BREACH).toBeTruthy();
    const account = await api.app.get(UsersService).insert({
      email: `matrix.account.${p.tag}@test.vn`,
      fullName: `Cán bộ Ma Trận ${p.tag}`,
      role: UserRole.OFFICER,
      orgUnitId: p.unitId,
      password: PASSWORD,
    });
    const importId = await newImport(api, p);
    const chairEmail = `matrix.chair.${p.tag}@test.vn`;
    const chairUser = await api.app.get(UsersService).insert({
      email: chairEmail,
      fullName: `Chủ tịch CĐCS ${p.tag}`,
      role: UserRole.GRASSROOTS,
      orgUnitId: grassrootsId,
      password: PASSWORD,
    });
    const chair = { id: chairUser.id, email: chairEmail, token: await api.login(chairEmail) };
    const staffId = (await api.ok(G.addStaff, { i: { grassrootsUnionId: grassrootsId, ...staffPerson() } }, chair.token)).addStaff.id as string;
    const meeting = await api.ok(
      `mutation($i: ScheduleReviewMeetingInput!) { scheduleReviewMeeting(input: $i) { id } }`,
      { i: { orgUnitId: p.unitId, day: vnToday(), chairId: p.supervisor.id } },
      p.supervisor.token,
    );
    const held = await api.ok(
      `mutation($i: HoldReviewMeetingInput!) { holdReviewMeeting(input: $i) { id actionItems { id } } }`,
      {
        i: {
          id: meeting.scheduleReviewMeeting.id,
          minutes: 'Giao ban kiểm tra phân quyền',
          actionItems: [{ what: 'Việc của cán bộ', assigneeId: p.officers[0].id, dueOn: vnToday() }],
        },
      },
      p.supervisor.token,
    );
    return {
      meetingId: held.holdReviewMeeting.id,
      actionItemId: held.holdReviewMeeting.actionItems[0].id,
      chair,
      staffId,
      p,
      caseId: ref.caseId,
      enterpriseId,
      grassrootsId,
      applicationId: app.submitApplication.id,
      reportId: report.requestReport.id,
      nominationId: nomination.id,
      escalation,
      accountId: account.id,
      importId,
    };
  }

  /** Everything a refused mutation could have touched in the two provinces (and the calendar). */
  async function fingerprint(): Promise<string> {
    const [row] = await w.api.db.query(
      `WITH units AS (SELECT id FROM org_unit WHERE path LIKE ANY($1)),
            users AS (SELECT id FROM app_user WHERE org_unit_id IN (SELECT id FROM units)),
            cases AS (SELECT * FROM founding_case WHERE org_unit_id IN (SELECT id FROM units))
       SELECT md5(concat_ws('|',
         (SELECT string_agg(o::text, ',' ORDER BY o.id) FROM org_unit o WHERE o.id IN (SELECT id FROM units)),
         (SELECT string_agg(concat_ws(':', u.id, u.role, u.active, u.full_name, u.org_unit_id, u.password_hash, u.must_change_password, u.token_version, u.deactivated_at),
                            ',' ORDER BY u.id) FROM app_user u WHERE u.id IN (SELECT id FROM users)),
         (SELECT string_agg(e::text, ',' ORDER BY e.id) FROM enterprise e WHERE e.org_unit_id IN (SELECT id FROM units)),
         (SELECT count(*) FROM enterprise_worker_count h JOIN enterprise e ON e.id = h.enterprise_id WHERE e.org_unit_id IN (SELECT id FROM units)),
         (SELECT string_agg(c::text, ',' ORDER BY c.id) FROM cases c),
         (SELECT count(*) FROM case_transition t WHERE t.case_id IN (SELECT id FROM cases)),
         (SELECT count(*) FROM case_evidence v WHERE v.case_id IN (SELECT id FROM cases)),
         (SELECT string_agg(a::text, ',' ORDER BY a.id) FROM membership_application a WHERE a.deciding_unit_id IN (SELECT id FROM units)),
         (SELECT string_agg(t::text, ',' ORDER BY t.set_at) FROM target t WHERE t.org_unit_id IN (SELECT id FROM units) OR t.officer_id IN (SELECT id FROM users)),
         (SELECT count(*) FROM report r WHERE r.org_unit_id IN (SELECT id FROM units)),
         (SELECT string_agg(n.id || n.status, ',' ORDER BY n.id) FROM reward_nomination n WHERE n.org_unit_id IN (SELECT id FROM units)),
         (SELECT string_agg(n.id || coalesce(n.acknowledged_at::text, '-'), ',' ORDER BY n.id) FROM notification n WHERE n.user_id IN (SELECT id FROM users)),
         (SELECT string_agg(d::text, ',' ORDER BY d.day) FROM calendar_day d),
         (SELECT string_agg(i.id || i.status, ',' ORDER BY i.id) FROM register_import i WHERE i.org_unit_id IN (SELECT id FROM units)),
         (SELECT string_agg(s::text, ',' ORDER BY s.id) FROM grassroots_staff s WHERE s.grassroots_union_id IN (SELECT id FROM units)),
         (SELECT string_agg(x::text, ',' ORDER BY x.id) FROM member x WHERE x.grassroots_union_id IN (SELECT id FROM units)),
         (SELECT count(*) FROM admission_decision d WHERE d.grassroots_union_id IN (SELECT id FROM units)),
         (SELECT string_agg(concat_ws(':', r.staff_id, r.outcome), ',' ORDER BY r.staff_id) FROM party_recommendation_member r WHERE r.grassroots_union_id IN (SELECT id FROM units)),
         (SELECT string_agg(concat_ws(':', g.id, g.name, g.removed_at, gm.staff_id), ',' ORDER BY g.id, gm.staff_id)
            FROM union_group g LEFT JOIN union_group_member gm ON gm.union_group_id = g.id WHERE g.grassroots_union_id IN (SELECT id FROM units)),
         (SELECT string_agg(concat_ws(':', m.id, m.status, m.day, m.minutes, md5(m.snapshot::text)), ',' ORDER BY m.id) FROM review_meeting m WHERE m.org_unit_id IN (SELECT id FROM units)),
         (SELECT string_agg(a.id || a.status, ',' ORDER BY a.id) FROM review_action_item a JOIN review_meeting m ON m.id = a.meeting_id WHERE m.org_unit_id IN (SELECT id FROM units)),
         (SELECT count(*) FROM work_plan x WHERE x.org_unit_id IN (SELECT id FROM units)),
         (SELECT string_agg(a::text, ',' ORDER BY a.officer_id) FROM officer_area a WHERE a.org_unit_id IN (SELECT id FROM units)),
         (SELECT string_agg(h::text, ',' ORDER BY h.id) FROM budget_heading h WHERE h.org_unit_id IN (SELECT id FROM units)),
         (SELECT string_agg(bp::text, ',' ORDER BY bp.heading_id) FROM budget_plan bp JOIN budget_heading h ON h.id = bp.heading_id WHERE h.org_unit_id IN (SELECT id FROM units)),
         (SELECT count(*) FROM budget_entry b WHERE b.org_unit_id IN (SELECT id FROM units)),
         (SELECT string_agg(r::text, ',' ORDER BY r.org_unit_id) FROM statistics_return_setting r WHERE r.org_unit_id IN (SELECT id FROM units))
       )) AS fp`,
      [fedPaths.map((p) => `${p}%`)],
    );
    return row.fp;
  }

  beforeAll(async () => {
    const api = await TestApi.start();
    w = { api, admin: await api.newAdmin(), in: await side(api), out: await side(api) };
    fedPaths = [];
    for (const s of [w.in, w.out]) {
      const [f] = await api.db.query(`SELECT path FROM org_unit WHERE id = $1`, [s.p.federationId]);
      fedPaths.push(f.path);
    }
    const d = await api.ok(`{
      q: __type(name: "Query") { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
      m: __type(name: "Mutation") { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
    }`);
    operations = [
      ...d.q.fields.map((f: Omit<Operation, 'kind'>) => ({ ...f, kind: 'Query' as const })),
      ...d.m.fields.map((f: Omit<Operation, 'kind'>) => ({ ...f, kind: 'Mutation' as const })),
    ];
  });
  afterAll(async () => {
    await w?.api.db.query(`DELETE FROM calendar_day WHERE day = ANY($1::date[])`, [[FAR_WEEKDAY, FAR_WEDNESDAY]]);
    await w?.api.close();
  });

  it('has a rule and arguments for every operation of the schema, and none for operations it lacks', () => {
    const names = operations.map((o) => `${o.kind}.${o.name}`);
    expect(names.filter((n) => !(n in WHO_MAY))).toEqual([]);
    expect(names.filter((n) => !(n in ARGS))).toEqual([]);
    expect(Object.keys(WHO_MAY).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('answers every operation × caller × scope as WHO_MAY says, and refused mutations change nothing', async () => {
    const tokenOf = (c: Caller): string | undefined =>
      c === 'ANONYMOUS'
        ? undefined
        : c === 'ADMIN'
          ? w.admin.token
          : c === 'SUPERVISOR'
            ? w.in.p.supervisor.token
            : c === 'GRASSROOTS'
              ? w.in.chair.token
              : w.in.p.officers[0].token;
    const failures: string[] = [];
    const rows: string[] = [];
    let cells = 0;
    for (const op of operations) {
      const key = `${op.kind}.${op.name}`;
      const rule = WHO_MAY[key];
      const scopes: Scope[] = rule.outOfScope === 'none' ? ['in'] : ['in', 'out'];
      const line: string[] = [];
      for (const caller of CALLERS) {
        for (const scope of scopes) {
          const vars = await ARGS[key](w, caller, scope === 'in' ? w.in : w.out);
          const want = expected(rule, caller, scope);
          const refusedMutation = op.kind === 'Mutation' && want !== 'ALLOWED';
          const before = refusedMutation ? await fingerprint() : '';
          const r = await w.api.gql(documentOf(op, vars), vars, tokenOf(caller));
          const seen = observed(r, op.name);
          cells += 1;
          line.push(`${LABEL[caller]}${scope === 'in' ? '+' : '-'}:${seen}`);
          if (!matches(want, seen)) {
            failures.push(`${key} as ${caller} ${scope} scope: expected ${want}, got ${seen}${r.errors ? ` (${r.errors[0].message})` : ''}`);
          }
          if (refusedMutation && (await fingerprint()) !== before) failures.push(`${key} as ${caller} ${scope} scope: refused (${seen}) but changed data`);
        }
      }
      rows.push(`${key.padEnd(36)} ${line.join(' ')}`);
    }
    console.log(
      `authorization matrix: ${operations.length} operations × ${CALLERS.length} callers × in/out of scope = ${cells} calls ` +
        `(+ in scope, - out of scope)\n${rows.join('\n')}`,
    );
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThanOrEqual(operations.length * CALLERS.length);
  });

  it('keeps an officer to its assigned cases: an unassigned case of its own unit is out of scope', async () => {
    const s = w.in;
    const other = await openCase(w.api, s.p, { assignee: null });
    const officer = s.p.officers[0].token;
    const read = await w.api.gql(`query($id: ID!) { foundingCase(id: $id) { id } }`, { id: other.caseId }, officer);
    expect(read.errors).toBeUndefined();
    expect(read.data.foundingCase).toBeNull();
    const write = await w.api.gql(
      `mutation($i: SurveyInput!) { recordSurvey(input: $i) { id } }`,
      { i: { caseId: other.caseId, expectedVersion: other.version, surveyedOn: vnToday(), workerCount: 100, hasUnion: false } },
      officer,
    );
    expect(write.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await versionOf(w, other.caseId)).toBe(other.version);
  });

  it('lets no supervisor decide its own nomination (FORBIDDEN), changing nothing', async () => {
    const s = w.in;
    const [own] = await w.api.db.query(
      `INSERT INTO reward_nomination (org_unit_id, occasion, period_kind, period_start, period_end, rule, officer_id, nominee, score, basis, figures)
       VALUES ($1, 'YEAR_END', 'YEAR', $2, $3, 'OFFICER_RESULTS', $4, 'Giám sát Ma Trận', 1, 'kiểm tra', '{}') RETURNING id`,
      [s.p.unitId, `${year - 2}-01-01`, `${year - 2}-12-31`, s.p.supervisor.id],
    );
    const r = await w.api.gql(`mutation($id: ID!) { decideNomination(id: $id, approve: true) { id } }`, { id: own.id }, s.p.supervisor.token);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [row] = await w.api.db.query(`SELECT status FROM reward_nomination WHERE id = $1`, [own.id]);
    expect(row.status).toBe('PROPOSED');
  });
});
