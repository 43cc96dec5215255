import { randomInt } from 'node:crypto';
import { applicant, openCase, vnToday } from '../support/case-fixtures';
import { Province, TestApi, TestUser, newTaxCode } from '../support/test-api';

/**
 * A corpus of malformed and hostile requests: wrong types, huge strings, absurd numbers, unknown
 * enum values, SQL-looking strings, Vietnamese in NFC and NFD, control characters, 10k-element
 * lists, deep nesting, many aliases, malformed bodies. None may answer HTTP 500 or
 * INTERNAL_SERVER_ERROR, and none that is refused may change a row of the main tables.
 * Vietnamese text comes back exactly as NFC, whatever form it was sent in.
 */

const VI = 'Công ty TNHH Dệt may Thành Công – Hưng Yên; Nguyễn Thị Ánh Tuyết, Đoàn Văn Hùng, phường Hoà Bình, quận Đống Đa';
const VI_NFC = VI.normalize('NFC');
const VI_NFD = VI.normalize('NFD');
const MB = 1024 * 1024;
const SAVE_DAY = `mutation($i: CalendarDayInput!) { saveCalendarDay(input: $i) { day } }`;
/** A Saturday of this year: a day off there is refused (docs/architecture.md#the-working-day-calendar-and-due-days). */
const SATURDAY = ((d: Date) => {
  while (d.getUTCDay() !== 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
})(new Date(Date.UTC(new Date().getUTCFullYear(), 5, 1)));

/** Hostile values for a string field (each also sent to every ID argument). */
const STRINGS: Record<string, string> = {
  sql: "'; DROP TABLE founding_case; --",
  sqlOr: "x' OR '1'='1",
  sqlUnion: '1 UNION SELECT password_hash FROM app_user --',
  viNfc: VI_NFC,
  viNfd: VI_NFD,
  empty: '',
  blank: ' \t\n ',
  nul: 'before\u0000after',
  control: '\u0001\u0002\u001b[31mred\u001b[0m',
  loneSurrogate: 'x\ud800y',
  rtl: '\u202egnp.exe',
  zalgo: `Z${'\u0301\u0302\u0303\u0304'.repeat(500)}`,
  emoji: '👷‍♀️🏭✊'.repeat(50),
  long300k: 'Đ'.repeat(300 * 1024),
  html: '<script>alert(1)</script><img src=x onerror=alert(1)>',
  path: '../../../../etc/passwd',
  json: '{"$ne": null, "__proto__": {"admin": true}}',
};
/** Hostile values for Int fields. */
const INTS: Record<string, unknown> = {
  int31: 2 ** 31,
  intMin: -(2 ** 31) - 1,
  minusOne: -1,
  nanString: 'NaN',
  numericString: '42',
  fraction: 1.5,
  huge: 1e308,
  infinityString: 'Infinity',
  bool: true,
  object: { $gt: 0 },
  list: [1, 2],
  maxInt: 2 ** 31 - 1,
};
/** Hostile values for Float fields. */
const FLOATS: Record<string, unknown> = { huge: 1e308, negative: -1, nanString: 'NaN', infinity: 'Infinity', over: 100.0000001, tiny: 5e-324 };
/** Hostile values for Date fields. */
const DATES: Record<string, unknown> = {
  feb30: '2024-02-30',
  month13: '2024-13-01',
  year5: '99999-01-01',
  zero: '0000-00-00',
  spaced: ' 2024-01-01',
  short: '2024-1-1',
  sql: "2024-01-01'; DROP TABLE founding_case; --",
  int: 20240101,
  iso: '2024-01-01T00:00:00Z',
  ancient: '1000-01-01',
  future: '2999-12-31',
};
/** Hostile values for ID arguments. */
const IDS: Record<string, unknown> = {
  sql: "'; DROP TABLE founding_case; --",
  empty: '',
  nilUuid: '00000000-0000-0000-0000-000000000000',
  notUuid: 'not-a-uuid',
  int: 12345,
  long: 'a'.repeat(100_000),
  nul: '\u0000',
  uuidSql: "00000000-0000-0000-0000-000000000000' OR '1'='1",
};

interface Entry {
  name: string;
  /** A GraphQL request, or a raw body (with its content type). */
  query?: string;
  variables?: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
  raw?: string;
  contentType?: string;
  as?: 'ADMIN' | 'OFFICER' | 'NONE';
}

const MAIN_TABLES = [
  'org_unit',
  'app_user',
  'enterprise',
  'founding_case',
  'case_transition',
  'case_evidence',
  'membership_application',
  'member',
  'target',
  'report',
  'reward_nomination',
  'escalation',
  'notification',
  'outbox',
  'calendar_day',
];

jest.setTimeout(300_000);

describe('security: hostile input', () => {
  let api: TestApi;
  let p: Province;
  let admin: TestUser;
  let caseId: string;
  let grassrootsId: string;
  /** A documentation address: the login throttle counts these requests apart from other tests'. */
  const forwardedFor = `198.51.100.${randomInt(1, 254)}`;

  const version = async () => (await api.db.query(`SELECT version FROM founding_case WHERE id = $1`, [caseId]))[0].version as number;

  async function counts(): Promise<Record<string, string>> {
    const [row] = await api.db.query(
      `SELECT ${MAIN_TABLES.map((t) => `(SELECT count(*) FROM ${t})::text AS ${t}`).join(', ')},
              (SELECT coalesce(sum(version), 0) FROM founding_case)::text AS case_versions,
              (SELECT count(*) FROM membership_application WHERE status <> 'SUBMITTED')::text AS decided_applications`,
    );
    return row;
  }

  async function send(e: Entry): Promise<{ status: number; body: any; text: string }> {
    const token = e.as === 'NONE' ? undefined : e.as === 'OFFICER' ? p.officers[0].token : admin.token;
    const variables = typeof e.variables === 'function' ? await e.variables() : e.variables;
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': e.contentType ?? 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'x-forwarded-for': forwardedFor,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: e.raw ?? JSON.stringify({ query: e.query, variables }),
    });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, text };
  }

  // --- the corpus --------------------------------------------------------------------------------

  function corpus(): Entry[] {
    const out: Entry[] = [];
    const baseEnterprise = () => ({
      name: `Công ty ${Math.random().toString(36).slice(2, 8)}`,
      taxCode: newTaxCode(),
      district: 'Đống Đa',
      sector: 'Dệt may',
      address: '12 Láng Hạ',
      workerCount: 50,
      hasUnion: false,
      orgUnitId: p.unitId,
    });
    const m = {
      enterprise: `mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { id name } }`,
      orgUnit: `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id name } }`,
      user: `mutation($i: CreateUserInput!) { createUser(input: $i) { id fullName } }`,
      apply: `mutation($i: ApplicationInput!) { submitApplication(input: $i) { id fullName } }`,
      survey: `mutation($i: SurveyInput!) { recordSurvey(input: $i) { id version } }`,
      committee: `mutation($i: CommitteeInput!) { formMobilizationCommittee(input: $i) { id version } }`,
      congress: `mutation($i: CongressInput!) { recordFoundingCongress(input: $i) { id version } }`,
      decision: `mutation($i: DecisionInput!) { recordRecognitionDecision(input: $i) { id version } }`,
      close: `mutation($i: CloseInput!) { closeFoundingCase(input: $i) { id version } }`,
      target: `mutation($i: TargetInput!) { setTarget(input: $i) }`,
      report: `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
      login: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
    };
    // A case mutation's valid input at the case's current version, with one field replaced.
    const onCase = (base: Record<string, unknown>, field: string, value: unknown) => async () => ({
      i: { caseId, expectedVersion: await version(), ...base, [field]: value },
    });
    const survey = { surveyedOn: vnToday(), workerCount: 120, hasUnion: false, contactName: 'Chị Lan', note: 'Ghi chú' };
    const congress = { heldOn: vnToday(), attendees: 30, executiveCommittee: ['Nguyễn Thị Hoa'], chairName: 'Nguyễn Thị Hoa', dossierCompletedOn: vnToday() };
    const decision = { decisionNumber: '1/QĐ', decidedOn: vnToday(), signedBy: 'Phạm Văn Đức', grassrootsUnionName: 'CĐCS Thành Công' };
    // Failing closes only: a hostile comment must not close the case the other entries use.
    const close = { reason: 'OTHER', comment: 'Đóng' };

    const stringTargets: [string, string, (v: string) => Record<string, unknown> | (() => Promise<Record<string, unknown>>)][] = [
      ['createEnterprise.name', m.enterprise, (v) => ({ i: { ...baseEnterprise(), name: v } })],
      ['createEnterprise.taxCode', m.enterprise, (v) => ({ i: { ...baseEnterprise(), taxCode: v } })],
      ['createEnterprise.district', m.enterprise, (v) => ({ i: { ...baseEnterprise(), district: v } })],
      ['createEnterprise.sector', m.enterprise, (v) => ({ i: { ...baseEnterprise(), sector: v } })],
      ['createEnterprise.address', m.enterprise, (v) => ({ i: { ...baseEnterprise(), address: v } })],
      // A day off on a Saturday (refused whatever the text), so that no hostile note reaches the calendar.
      ['saveCalendarDay.note', SAVE_DAY, (v) => ({ i: { day: SATURDAY, kind: 'DAY_OFF', note: v, document: v } })],
      ['createOrgUnit.name', m.orgUnit, (v) => ({ i: { name: v, kind: 'GRASSROOTS', parentId: p.unitId } })],
      ['createUser.email', m.user, (v) => ({ i: { email: v, fullName: 'Nguyễn Văn A', password: 'long-enough-1', role: 'OFFICER', orgUnitId: p.unitId } })],
      [
        'createUser.fullName',
        m.user,
        (v) => ({
          i: { email: `h.${Math.random().toString(36).slice(2)}@test.vn`, fullName: v, password: 'long-enough-1', role: 'OFFICER', orgUnitId: p.unitId },
        }),
      ],
      [
        'createUser.password',
        m.user,
        (v) => ({
          i: { email: `h.${Math.random().toString(36).slice(2)}@test.vn`, fullName: 'Nguyễn Văn A', password: v, role: 'OFFICER', orgUnitId: p.unitId },
        }),
      ],
      ...(['fullName', 'gender', 'position', 'nationality', 'personalId'] as const).map(
        (f) =>
          [`submitApplication.${f}`, m.apply, (v: string) => ({ i: applicant({ grassrootsUnionId: grassrootsId }, { [f]: v }) })] as [
            string,
            string,
            (v: string) => Record<string, unknown>,
          ],
      ),
      ['recordSurvey.contactName', m.survey, (v) => onCase(survey, 'contactName', v)],
      ['recordSurvey.note', m.survey, (v) => onCase(survey, 'note', v)],
      ['formMobilizationCommittee.memberNames', m.committee, (v) => onCase({ formedOn: vnToday() }, 'memberNames', [v])],
      ['recordFoundingCongress.chairName', m.congress, (v) => onCase(congress, 'chairName', v)],
      ['recordRecognitionDecision.decisionNumber', m.decision, (v) => onCase(decision, 'decisionNumber', v)],
      ['recordRecognitionDecision.signedBy', m.decision, (v) => onCase(decision, 'signedBy', v)],
      ['closeFoundingCase.comment', m.close, (v) => async () => ({ i: { caseId, expectedVersion: 1_000_000, ...close, comment: v } })],
      ['enterprises.filter.search', `query($f: EnterpriseFilter) { enterprises(filter: $f, first: 5) { totalCount } }`, (v) => ({ f: { search: v } })],
      ['enterprises.after', `query($a: String) { enterprises(first: 5, after: $a) { totalCount } }`, (v) => ({ a: v })],
      ['foundingCases.after', `query($a: String) { foundingCases(first: 5, after: $a) { totalCount } }`, (v) => ({ a: v })],
      ['login.email', m.login, (v) => ({ e: v, p: 'whatever-password' })],
    ];
    for (const [target, query, vars] of stringTargets) {
      for (const [kind, value] of Object.entries(STRINGS)) {
        // The login throttle rightly stops a flood of failures; a few kinds suffice there.
        if (target.startsWith('login') && !['sql', 'viNfd', 'nul', 'long300k'].includes(kind)) continue;
        out.push({ name: `${target} ← ${kind}`, query, variables: vars(value), as: target.startsWith('login') ? 'NONE' : 'ADMIN' });
      }
    }
    // A 1 MB string: above the body limit (413), wherever it goes.
    for (const [target, query, vars] of stringTargets.slice(0, 3)) out.push({ name: `${target} ← 1 MB`, query, variables: vars('x'.repeat(MB)) });

    const intTargets: [string, string, (v: unknown) => Record<string, unknown> | (() => Promise<Record<string, unknown>>)][] = [
      ['createEnterprise.workerCount', m.enterprise, (v) => ({ i: { ...baseEnterprise(), workerCount: v } })],
      ['recordSurvey.expectedVersion', m.survey, (v) => async () => ({ i: { caseId, ...survey, expectedVersion: v } })],
      ['recordSurvey.workerCount', m.survey, (v) => onCase(survey, 'workerCount', v)],
      ['recordFoundingCongress.attendees', m.congress, (v) => onCase(congress, 'attendees', v)],
      ['submitApplication.birthYear', m.apply, (v) => ({ i: applicant({ grassrootsUnionId: grassrootsId }, { birthYear: v }) })],
      [
        'submitApplication.contractMonths',
        m.apply,
        (v) => ({ i: applicant({ grassrootsUnionId: grassrootsId }, { contractMonths: v, nationality: 'Hàn Quốc' }) }),
      ],
      ['setTarget.year', m.target, (v) => ({ i: { year: v, orgUnitId: p.unitId, newMembers: 10 } })],
      ['setTarget.newMembers', m.target, (v) => ({ i: { year: 2099, orgUnitId: p.unitId, newMembers: v } })],
      ['foundingCases.first', `query($n: Int) { foundingCases(first: $n) { totalCount } }`, (v) => ({ n: v })],
      ['enterprises.filter.minWorkers', `query($f: EnterpriseFilter) { enterprises(filter: $f, first: 5) { totalCount } }`, (v) => ({ f: { minWorkers: v } })],
      ['pipeline.year', `query($u: ID!, $y: Int!) { pipeline(orgUnitId: $u, year: $y) { year } }`, (v) => ({ u: p.unitId, y: v })],
      ['calendarDays.year', `query($y: Int!) { calendarDays(year: $y) { day } }`, (v) => ({ y: v })],
    ];
    for (const [target, query, vars] of intTargets) {
      for (const [kind, value] of Object.entries(INTS)) out.push({ name: `${target} ← ${kind}`, query, variables: vars(value) });
    }
    // Absurd numbers written in the document itself (not as variables).
    for (const literal of ['2147483648', '-1', '"NaN"', '1e400', '99999999999999999999999', '0x10', '-0']) {
      out.push({
        name: `pipeline(year: ${literal}) literal`,
        query: `{ pipeline(orgUnitId: "${'00000000-0000-0000-0000-000000000000'}", year: ${literal}) { year } }`,
      });
    }
    for (const [kind, value] of Object.entries(FLOATS)) {
      out.push({ name: `setTarget.coveragePercent ← ${kind}`, query: m.target, variables: { i: { year: 2099, orgUnitId: p.unitId, coveragePercent: value } } });
    }
    const dateTargets: [string, string, (v: unknown) => Record<string, unknown> | (() => Promise<Record<string, unknown>>)][] = [
      ['recordSurvey.surveyedOn', m.survey, (v) => onCase(survey, 'surveyedOn', v)],
      ['submitApplication.submittedOn', m.apply, (v) => ({ i: applicant({ grassrootsUnionId: grassrootsId }, { submittedOn: v }) })],
      ['requestReport.periodStart', m.report, (v) => ({ i: { orgUnitId: p.unitId, periodKind: 'MONTH', periodStart: v } })],
      [
        'evaluateRewards.periodStart',
        `mutation($d: Date!) { evaluateRewards(orgUnitId: "${'00000000-0000-0000-0000-000000000000'}", periodKind: YEAR, periodStart: $d) { id } }`,
        (v) => ({ d: v }),
      ],
      ['setCalendarDay.day', `mutation($d: Date!) { setCalendarDay(day: $d, kind: null) }`, (v) => ({ d: v })],
      ['saveCalendarDay.day', SAVE_DAY, (v) => ({ i: { day: v, kind: 'DAY_OFF', note: 'Nghỉ lễ' } })],
    ];
    for (const [target, query, vars] of dateTargets) {
      for (const [kind, value] of Object.entries(DATES)) out.push({ name: `${target} ← ${kind}`, query, variables: vars(value) });
    }
    const enumTargets: [string, string, (v: unknown) => Record<string, unknown>][] = [
      ['createUser.role', m.user, (v) => ({ i: { email: 'e@test.vn', fullName: 'A', password: 'long-enough-1', role: v, orgUnitId: p.unitId } })],
      ['createOrgUnit.kind', m.orgUnit, (v) => ({ i: { name: 'X', kind: v, parentId: p.unitId } })],
      ['requestReport.periodKind', m.report, (v) => ({ i: { orgUnitId: p.unitId, periodKind: v, periodStart: '2024-01-01' } })],
      ['foundingCases.filter.stage', `query($f: CaseFilter) { foundingCases(filter: $f) { totalCount } }`, (v) => ({ f: { stage: v } })],
      ['closeFoundingCase.reason', m.close, (v) => ({ i: { caseId: '00000000-0000-0000-0000-000000000000', expectedVersion: 1, reason: v, comment: 'x' } })],
    ];
    for (const [target, query, vars] of enumTargets) {
      for (const value of ['KING', 'admin', '', "ADMIN'; --", 0, null, ['ADMIN'], 'SUPERVISOR '])
        out.push({ name: `${target} ← ${JSON.stringify(value)}`, query, variables: vars(value) });
    }
    out.push({ name: 'enum literal unknown', query: `{ foundingCases(filter: { stage: DROP_TABLE }) { totalCount } }` });
    out.push({ name: 'enum literal as string', query: `{ foundingCases(filter: { stage: "SURVEY" }) { totalCount } }` });

    const idTargets: [string, string, (v: unknown) => Record<string, unknown>][] = [
      ['foundingCase.id', `query($id: ID!) { foundingCase(id: $id) { id } }`, (v) => ({ id: v })],
      ['report.id', `query($id: ID!) { report(id: $id) { id } }`, (v) => ({ id: v })],
      ['orgUnits.parentId', `query($id: ID) { orgUnits(parentId: $id) { id } }`, (v) => ({ id: v })],
      ['pipeline.orgUnitId', `query($id: ID!) { pipeline(orgUnitId: $id, year: 2024) { year } }`, (v) => ({ id: v })],
      ['foundingCases.filter.assigneeId', `query($id: ID) { foundingCases(filter: { assigneeId: $id }) { totalCount } }`, (v) => ({ id: v })],
      ['foundingCases.filter.orgUnitId', `query($id: ID) { foundingCases(filter: { orgUnitId: $id }) { totalCount } }`, (v) => ({ id: v })],
      ['acknowledgeEscalation.id', `mutation($id: ID!) { acknowledgeEscalation(id: $id) { id } }`, (v) => ({ id: v })],
      ['decideNomination.id', `mutation($id: ID!) { decideNomination(id: $id, approve: true) { id } }`, (v) => ({ id: v })],
      ['openFoundingCase.enterpriseId', `mutation($id: ID!) { openFoundingCase(input: { enterpriseId: $id }) { id } }`, (v) => ({ id: v })],
      [
        'decideApplication.applicationId',
        `mutation($id: ID!) { decideApplication(input: { applicationId: $id, admit: true, decidedOn: "2024-01-01", decisionNumber: "1" }) { id } }`,
        (v) => ({ id: v }),
      ],
      ['createEnterprise.orgUnitId', m.enterprise, (v) => ({ i: { ...baseEnterprise(), orgUnitId: v } })],
      ['submitApplication.caseId', m.apply, (v) => ({ i: applicant({ caseId: v as string }) })],
    ];
    for (const [target, query, vars] of idTargets) {
      for (const [kind, value] of Object.entries(IDS)) out.push({ name: `${target} ← ${kind}`, query, variables: vars(value) });
    }

    // Wrong shapes and types for whole inputs.
    for (const [kind, value] of Object.entries({
      null: null,
      string: 'input',
      list: [{}],
      number: 7,
      empty: {},
      unknownField: { ...baseEnterprise(), isAdmin: true },
    })) {
      out.push({ name: `createEnterprise.input ← ${kind}`, query: m.enterprise, variables: { i: value } });
    }
    out.push({
      name: 'prototype pollution in variables',
      raw: `{"query":"mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { id } }","variables":{"i":{"__proto__":{"orgUnitId":"x"},"constructor":{"prototype":{"admin":true}}}}}`,
    });
    out.push({ name: 'missing variables', query: m.enterprise });
    out.push({ name: 'extra unknown variables', query: `{ me { id } }`, variables: { a: 1, b: 'x'.repeat(1000) } });
    out.push({ name: '10k variables keys', query: `{ me { id } }`, variables: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`v${i}`, i])) });

    // 10k-element lists.
    const tenK = (f: (i: number) => unknown) => Array.from({ length: 10_000 }, (_, i) => f(i));
    out.push({
      name: 'memberNames × 10k',
      query: m.committee,
      variables: onCase(
        { formedOn: vnToday() },
        'memberNames',
        tenK((i) => `Người ${i}`),
      ),
    });
    out.push({
      name: 'executiveCommittee × 10k',
      query: m.congress,
      variables: onCase(
        congress,
        'executiveCommittee',
        tenK((i) => `Người ${i}`),
      ),
    });
    out.push({
      name: 'memberNames × 10k empty strings',
      query: m.committee,
      variables: onCase(
        { formedOn: vnToday() },
        'memberNames',
        tenK(() => ''),
      ),
    });
    out.push({
      name: 'memberNames × 10k nested lists',
      query: m.committee,
      variables: onCase(
        { formedOn: vnToday() },
        'memberNames',
        tenK(() => ['x']),
      ),
    });
    out.push({
      name: 'memberNames nested 50 deep',
      query: m.committee,
      variables: onCase({ formedOn: vnToday() }, 'memberNames', JSON.parse(`${'['.repeat(50)}"x"${']'.repeat(50)}`)),
    });
    out.push({ name: 'workerCount as 10k list', query: m.enterprise, variables: { i: { ...baseEnterprise(), workerCount: tenK((i) => i) } } });
    out.push({
      name: 'inline list literal of 3k strings',
      query: `mutation { formMobilizationCommittee(input: { caseId: "00000000-0000-0000-0000-000000000000", expectedVersion: 1, formedOn: "2024-01-01", memberNames: [${tenK(
        (i) => `"n${i}"`,
      )
        .slice(0, 3000)
        .join(',')}] }) { id } }`,
    });

    // Deep nesting and many aliases, fragments and directives.
    const deep = (n: number) => `{ orgUnits { ${'parent { '.repeat(n - 2)}id${' }'.repeat(n - 2)} } }`;
    out.push({ name: 'selection depth 50', query: deep(50) });
    out.push({ name: 'selection depth 500', query: deep(500) });
    out.push({ name: '16 aliases', query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }` });
    out.push({ name: '1000 aliases', query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ')} }` });
    out.push({
      name: '100 aliases of the case list',
      query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: foundingCases(first: 200) { nodes { id history { by { id } } } }`).join(' ')} }`,
    });
    out.push({ name: 'fragment cycle', query: `{ me { ...A } } fragment A on User { orgUnit { id } ...B } fragment B on User { ...A }` });
    out.push({ name: '1000 directives', query: `{ me { id ${'@include(if: true) '.repeat(1000)} } }` });
    out.push({ name: 'unknown directive', query: `{ me @exec(cmd: "rm -rf /") { id } }` });
    out.push({ name: 'duplicate fields × 1500', query: `{ me { ${'id '.repeat(1500)} } }` });
    out.push({ name: '400 KB of comments', query: `${'# comment\n'.repeat(40_000)}{ me { id } }` });
    out.push({ name: 'introspection __type with hostile name', query: `{ __type(name: "'; DROP TABLE founding_case; --") { name } }` });
    out.push({ name: 'operationName mismatch', query: `query A { me { id } } query B { me { id } }` });
    out.push({ name: 'subscription operation', query: `subscription { me { id } }` });
    out.push({ name: 'mutation on query root', query: `query { login(email: "a", password: "b") { accessToken } }`, as: 'NONE' });

    // Malformed bodies.
    out.push({ name: 'body: invalid JSON', raw: '{"query": "{ me { id } }"' });
    out.push({ name: 'body: JSON null', raw: 'null' });
    out.push({ name: 'body: JSON number', raw: '42' });
    out.push({ name: 'body: JSON string', raw: '"{ me { id } }"' });
    out.push({ name: 'body: batched array', raw: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]) });
    out.push({ name: 'body: query is an object', raw: JSON.stringify({ query: { kind: 'Document' } }) });
    out.push({ name: 'body: variables is a string', raw: JSON.stringify({ query: '{ me { id } }', variables: 'x' }) });
    out.push({ name: 'body: text/plain (CSRF-style)', raw: JSON.stringify({ query: '{ me { id } }' }), contentType: 'text/plain' });
    out.push({ name: 'body: form-encoded', raw: 'query=%7B%20me%20%7B%20id%20%7D%20%7D', contentType: 'application/x-www-form-urlencoded' });
    out.push({ name: 'body: 1 MB of JSON', raw: JSON.stringify({ query: '{ me { id } }', variables: { x: 'y'.repeat(MB) } }) });
    out.push({ name: 'body: deeply nested JSON', raw: `{"query":"{ me { id } }","variables":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}` });
    out.push({ name: 'body: invalid UTF-8', raw: Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]).toString('latin1') });
    // Officer and anonymous callers with hostile input reach the guard or scope first.
    out.push({
      name: 'officer: createUser with SQL',
      query: m.user,
      variables: { i: { email: STRINGS.sql, fullName: STRINGS.sql, password: STRINGS.sql, role: 'ADMIN', orgUnitId: STRINGS.sql } },
      as: 'OFFICER',
    });
    out.push({
      name: 'anonymous: createEnterprise with 300 KB',
      query: m.enterprise,
      variables: { i: { ...baseEnterprise(), name: STRINGS.long300k } },
      as: 'NONE',
    });
    return out;
  }

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    admin = await api.newAdmin();
    caseId = (await openCase(api, p)).caseId;
    const g = await api.ok(
      `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }`,
      {
        i: { name: `Công đoàn cơ sở ${p.tag}`, kind: 'GRASSROOTS', parentId: p.unitId },
      },
      p.supervisor.token,
    );
    grassrootsId = g.createOrgUnit.id;
  });
  afterAll(async () => {
    await api.db.query(`DELETE FROM login_failure WHERE key = $1`, [`address:${forwardedFor}`]);
    await api.close();
  });

  it('answers every hostile request without a 500 or INTERNAL_SERVER_ERROR, and changes nothing when it refuses', async () => {
    const entries = corpus();
    const failures: string[] = [];
    const tally: Record<string, number> = {};
    for (const e of entries) {
      const before = await counts();
      const r = await send(e);
      const codes: string[] = (r.body?.errors ?? []).map((x: any) => x.extensions?.code ?? '(none)');
      const refused = r.status >= 400 || codes.length > 0;
      const outcome = r.status >= 400 && !codes.length ? `HTTP ${r.status}` : (codes[0] ?? 'OK');
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      if (process.env.HOSTILE_DEBUG && outcome === 'OK') console.log('OK', e.name);
      if (r.status >= 500) failures.push(`${e.name}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
      if (codes.includes('INTERNAL_SERVER_ERROR')) failures.push(`${e.name}: INTERNAL_SERVER_ERROR`);
      if (/\bat [\w.<>]+ \(.*:\d+:\d+\)|node_modules|QueryFailedError|duplicate key|violates|syntax error at or near/i.test(r.text)) {
        failures.push(`${e.name}: internals in the answer: ${r.text.slice(0, 200)}`);
      }
      if (refused) {
        const after = await counts();
        const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
        if (changed.length) failures.push(`${e.name}: refused (${outcome}) but changed ${changed.join(', ')}`);
      }
    }
    console.log(`hostile corpus: ${entries.length} requests; outcomes ${JSON.stringify(tally)}`);
    expect(failures).toEqual([]);
    expect(entries.length).toBeGreaterThan(300);
    // The tables are still there (and so is the case the SQL-looking strings aimed at).
    expect(await version()).toBeGreaterThanOrEqual(1);
  });

  it('stores Vietnamese text as NFC whatever form it was sent in, and finds it by either form', async () => {
    const nfd = (s: string) => s.normalize('NFD');
    expect(VI_NFD).not.toBe(VI_NFC);
    const ent = await api.ok(
      `mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { id name district sector address } }`,
      {
        i: {
          name: `${VI_NFD} ${p.tag}`,
          taxCode: newTaxCode(),
          district: nfd('Quận Đống Đa'),
          sector: nfd('Dệt may – Da giày'),
          address: nfd('Số 1 phố Huế'),
          workerCount: 80,
          hasUnion: false,
          orgUnitId: p.unitId,
        },
      },
      admin.token,
    );
    expect(ent.createEnterprise).toMatchObject({
      name: `${VI_NFC} ${p.tag}`,
      district: 'Quận Đống Đa'.normalize('NFC'),
      sector: 'Dệt may – Da giày'.normalize('NFC'),
      address: 'Số 1 phố Huế'.normalize('NFC'),
    });
    const [row] = await api.db.query(`SELECT name, district, sector, address FROM enterprise WHERE id = $1`, [ent.createEnterprise.id]);
    for (const v of Object.values(row) as string[]) expect(v).toBe(v.normalize('NFC'));
    for (const search of [nfd('Thành Công – Hưng'), 'Thành Công – Hưng'.normalize('NFC')]) {
      const found = await api.ok(
        `query($f: EnterpriseFilter) { enterprises(filter: $f) { nodes { id } } }`,
        { f: { search: `${search}`, orgUnitId: p.unitId } },
        admin.token,
      );
      expect(found.enterprises.nodes.map((n: { id: string }) => n.id)).toContain(ent.createEnterprise.id);
    }

    const unit = await api.ok(
      `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { name } }`,
      { i: { name: nfd('Công đoàn cơ sở Bệnh viện Việt Đức'), kind: 'GRASSROOTS', parentId: p.unitId } },
      admin.token,
    );
    expect(unit.createOrgUnit.name).toBe('Công đoàn cơ sở Bệnh viện Việt Đức'.normalize('NFC'));

    const user = await api.ok(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { fullName } }`,
      { i: { email: `nfd.${p.tag}@test.vn`, fullName: nfd('Nguyễn Thị Ánh Tuyết'), password: 'long-enough-1', role: 'OFFICER', orgUnitId: p.unitId } },
      admin.token,
    );
    expect(user.createUser.fullName).toBe('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));

    const fields = { fullName: nfd('Đoàn Văn Hùng'), gender: nfd('Nữ'), position: nfd('Công nhân cắt may'), nationality: nfd('Việt Nam') };
    const app = await api.ok(
      `mutation($i: ApplicationInput!) { submitApplication(input: $i) { id fullName } }`,
      { i: applicant({ grassrootsUnionId: grassrootsId }, fields) },
      admin.token,
    );
    expect(app.submitApplication.fullName).toBe('Đoàn Văn Hùng'.normalize('NFC'));
    const [a] = await api.db.query(`SELECT full_name, gender, position, nationality FROM membership_application WHERE id = $1`, [app.submitApplication.id]);
    expect(a).toEqual({
      full_name: 'Đoàn Văn Hùng'.normalize('NFC'),
      gender: 'Nữ'.normalize('NFC'),
      position: 'Công nhân cắt may'.normalize('NFC'),
      nationality: 'Việt Nam'.normalize('NFC'),
    });

    const ref = await openCase(api, p);
    const v = (await api.db.query(`SELECT version FROM founding_case WHERE id = $1`, [ref.caseId]))[0].version;
    await api.ok(
      `mutation($i: SurveyInput!) { recordSurvey(input: $i) { id } }`,
      {
        i: {
          caseId: ref.caseId,
          expectedVersion: v,
          surveyedOn: vnToday(),
          workerCount: 90,
          hasUnion: false,
          contactName: nfd('Chị Lê Thị Hương'),
          note: nfd('Đã gặp ban giám đốc'),
        },
      },
      admin.token,
    );
    const c = await api.ok(`query($id: ID!) { foundingCase(id: $id) { history { comment } evidence { detailsJson } } }`, { id: ref.caseId }, admin.token);
    expect(c.foundingCase.history.map((h: { comment: string | null }) => h.comment)).toContain('Đã gặp ban giám đốc'.normalize('NFC'));
    expect(JSON.parse(c.foundingCase.evidence[0].detailsJson).contactName).toBe('Chị Lê Thị Hương'.normalize('NFC'));
  });
});
