import { GRAPHQL_LIMITS } from '../../apps/api/src/security/graphql-limits';
import { walkToStage } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';

/**
 * GraphQL request limits (depth, cost, aliases, directives, tokens, body size, batching) and the
 * production switches (no introspection, no field suggestions). The dashboard's heaviest
 * legitimate queries must still pass.
 */

const CASE_DEEP = `
  id version stage stageEnteredAt stageDueOn closedReason overdue
  enterprise { id name taxCode district sector workerCount hasUnion orgUnit { id name parent { id name } } openCase { id stage } }
  orgUnit { id name kind parent { id name kind parent { id name } } }
  assignee { id fullName email role orgUnit { id name } }
  applications { id fullName status submittedOn decidedOn decisionNumber rejectionReason }
  history { from to at comment by { id fullName orgUnit { id name } } }
  grassrootsUnion { id name kind parent { id name } }`;

/** What the web dashboard asks for (list, detail, home page, reports, org tree, enterprise register). */
export const DASHBOARD_QUERIES: Record<string, { query: string; variables?: (p: Province, caseId: string) => Record<string, unknown> }> = {
  caseListLiteral200: { query: `query CaseList { foundingCases(first: 200) { totalCount pageInfo { endCursor hasNextPage } nodes { ${CASE_DEEP} } } }` },
  caseListVariable200: {
    query: `query CaseList($f: CaseFilter, $first: Int, $after: String) { foundingCases(filter: $f, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ${CASE_DEEP} } } }`,
    variables: (p) => ({ f: { orgUnitId: p.unitId }, first: 200 }),
  },
  caseListDefaultPage: { query: `query CaseList { foundingCases { totalCount nodes { ${CASE_DEEP} } } }` },
  caseDetail: { query: `query CaseDetail($id: ID!) { foundingCase(id: $id) { ${CASE_DEEP} } }`, variables: (_p, caseId) => ({ id: caseId }) },
  home: {
    query: `query Home($u: ID!, $y: Int!) {
      me { id fullName email role orgUnit { id name kind parent { id name } } }
      pipeline(orgUnitId: $u, year: $y) { orgUnit { id name kind parent { id name } } year stages { stage count overdue }
        newMembers { target actual } newGrassrootsUnions { target actual } coverage { enterprises25Plus withUnion percent targetPercent } }
      escalations { id level stage raisedAt acknowledgedAt case { id stage stageDueOn enterprise { id name } assignee { id fullName } } }
      overdue: foundingCases(filter: { overdue: true }, first: 20) { totalCount nodes { id stage stageDueOn enterprise { id name } assignee { id fullName } } }
    }`,
    variables: (p) => ({ u: p.unitId, y: new Date().getFullYear() }),
  },
  reports: {
    query: `query Reports($u: ID) { reports(orgUnitId: $u) { id periodKind periodStart periodEnd status progress createdAt builtAt xlsxUrl csvUrl
      orgUnit { id name kind }
      figures { newMembers { target actual } newGrassrootsUnions { target actual } coverage { enterprises25Plus withUnion percent targetPercent } stages { stage count overdue } } } }`,
    variables: (p) => ({ u: p.unitId }),
  },
  orgTree: {
    query: `query OrgTree { orgUnits { id name kind parent { id name } children { id name kind children { id name kind children { id name kind } } } } }`,
  },
  enterprises: {
    query: `query Enterprises($f: EnterpriseFilter) { enterprises(filter: $f, first: 200) { totalCount pageInfo { endCursor hasNextPage }
      nodes { id name taxCode district sector workerCount hasUnion orgUnit { id name } openCase { id stage stageDueOn assignee { id fullName } } } } }`,
    variables: (p) => ({ f: { orgUnitId: p.unitId } }),
  },
};

/** POST /graphql as a GraphQL-over-HTTP client (`application/graphql-response+json`: request errors answer 400). */
async function post(api: TestApi, body: unknown, token?: string, raw?: string, accept = 'application/graphql-response+json') {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

const codeOf = (r: { json: any }) => r.json?.errors?.[0]?.extensions?.code as string | undefined;

function nested(depth: number): string {
  // orgUnits { parent { parent { … { id } } } }: `depth` levels, leaf included.
  let q = 'id';
  for (let i = 0; i < depth - 2; i++) q = `parent { ${q} }`;
  return `{ orgUnits { ${q} } }`;
}

jest.setTimeout(60_000);

describe('security: GraphQL limits', () => {
  let api: TestApi;
  let p: Province;
  let caseId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    caseId = (await walkToStage(api, p, 'FOUNDING_CEREMONY', { applications: 5 })).caseId;
  });
  afterAll(() => api.close());

  it.each(Object.keys(DASHBOARD_QUERIES))('lets the dashboard query %s through', async (name) => {
    const { query, variables } = DASHBOARD_QUERIES[name];
    const r = await post(api, { query, variables: variables?.(p, caseId) ?? {} }, p.supervisor.token);
    expect(r.json?.errors).toBeUndefined();
    expect(r.status).toBe(200);
  });

  it(`refuses depth above ${GRAPHQL_LIMITS.maxDepth} and accepts it at the limit`, async () => {
    expect((await post(api, { query: nested(GRAPHQL_LIMITS.maxDepth) }, p.supervisor.token)).json.errors).toBeUndefined();
    const r = await post(api, { query: nested(GRAPHQL_LIMITS.maxDepth + 1) }, p.supervisor.token);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.json.errors[0].message).toMatch(/^Truy vấn lồng quá sâu: \d+ cấp, tối đa 10 cấp$/);
  });

  it('refuses depth even through fragments', async () => {
    let frags = 'fragment F0 on OrgUnit { id }';
    for (let i = 1; i < 12; i++) frags += ` fragment F${i} on OrgUnit { parent { ...F${i - 1} } }`;
    const r = await post(api, { query: `{ orgUnits { ...F11 } } ${frags}` }, p.supervisor.token);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it(`refuses more than ${GRAPHQL_LIMITS.maxAliases} aliases`, async () => {
    const ok = Array.from({ length: GRAPHQL_LIMITS.maxAliases }, (_, i) => `a${i}: me { id }`).join(' ');
    expect((await post(api, { query: `{ ${ok} }` }, p.supervisor.token)).json.errors).toBeUndefined();
    const many = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ');
    const r = await post(api, { query: `{ ${many} }` }, p.supervisor.token);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.json.errors[0].message).toMatch(/quá nhiều bí danh \(alias\)/);
  });

  it(`refuses more than ${GRAPHQL_LIMITS.maxDirectives} directives`, async () => {
    const dirs = Array.from({ length: GRAPHQL_LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const r = await post(api, { query: `{ me { id ${dirs} } }` }, p.supervisor.token);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.json.errors[0].message).toMatch(/quá nhiều chỉ thị \(directive\)/);
  });

  it(`refuses documents of more than ${GRAPHQL_LIMITS.maxTokens} tokens before parsing them whole`, async () => {
    const fields = Array.from({ length: GRAPHQL_LIMITS.maxTokens }, () => 'id').join(' ');
    const r = await post(api, { query: `{ me { ${fields} } }` }, p.supervisor.token);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.json.errors[0].message).toMatch(/^Truy vấn quá dài: hơn \d+ từ tố/);
  });

  it(`refuses a cost above ${GRAPHQL_LIMITS.maxCost}, with first given literally, by variable or by default`, async () => {
    const twoPages = (first: string) =>
      `query Big${first.startsWith('$') ? '($n: Int)' : ''} { a: foundingCases(first: ${first}) { nodes { ${CASE_DEEP} } } b: foundingCases(first: ${first}) { nodes { ${CASE_DEEP} } } }`;
    const literal = await post(api, { query: twoPages('200') }, p.supervisor.token);
    expect(literal.status).toBe(400);
    expect(codeOf(literal)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.json.errors[0].message).toMatch(/^Truy vấn quá nặng/);
    const byVariable = await post(api, { query: twoPages('$n'), variables: { n: 200 } }, p.supervisor.token);
    expect(byVariable.status).toBe(400);
    expect(byVariable.json.errors[0].message).toMatch(/^Truy vấn quá nặng/);
    // Verdicts are remembered per document and page size: the same text passes, fails and passes again.
    const sized = (n: number | null | undefined) => post(api, { query: twoPages('$n'), ...(n === undefined ? {} : { variables: { n } }) }, p.supervisor.token);
    expect((await sized(5)).status).toBe(200);
    expect((await sized(200)).status).toBe(400);
    expect((await sized(5)).status).toBe(200);
    expect((await sized(200)).json.errors[0].message).toMatch(/^Truy vấn quá nặng/);
    // Absent, the variable leaves the fields' default page size (50): two deep pages of 50 pass.
    expect((await sized(undefined)).status).toBe(200);
    const withDefault = `query Big($n: Int = 200) { a: foundingCases(first: $n) { nodes { ${CASE_DEEP} } } b: foundingCases(first: $n) { nodes { ${CASE_DEEP} } } }`;
    expect((await post(api, { query: withDefault, variables: {} }, p.supervisor.token)).status).toBe(400);
    expect((await post(api, { query: withDefault, variables: { n: 5 } }, p.supervisor.token)).status).toBe(200);
    expect((await post(api, { query: withDefault, variables: {} }, p.supervisor.token)).status).toBe(400);
    // Seven default pages (50 each) of the deep selection.
    const defaults = `{ ${Array.from({ length: 7 }, (_, i) => `c${i}: foundingCases { nodes { ${CASE_DEEP} } }`).join(' ')} }`;
    const byDefault = await post(api, { query: defaults }, p.supervisor.token);
    expect(byDefault.status).toBe(400);
    expect(byDefault.json.errors[0].message).toMatch(/^Truy vấn quá nặng/);
  });

  it('refuses a NUL character in a string literal, on every request of the same text', async () => {
    const query = `mutation { recordOutreach(input: { caseId: "00000000-0000-0000-0000-000000000000", expectedVersion: 1, heldOn: "2024-01-01", workersReached: 1, workersInterested: 0, note: "a\\u0000b" }) { id } }`;
    for (let i = 0; i < 2; i++) {
      const r = await post(api, { query }, p.supervisor.token);
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.json.errors[0].message).toMatch(/không được chứa ký tự NUL/);
    }
    // The same shape without the NUL reaches the resolver (which finds no such case).
    const clean = await post(api, { query: query.replace('a\\u0000b', 'ab') }, p.supervisor.token);
    expect(codeOf(clean)).toBe('NOT_FOUND');
  });

  it('answers 413 for a body above 512 kB, and takes one just below', async () => {
    const padding = 'x'.repeat(520 * 1024);
    const big = await post(api, { query: '{ me { id } }', variables: { padding } }, p.supervisor.token);
    expect(big.status).toBe(413);
    expect(big.text).not.toMatch(/at .*\.js:\d+/); // no stack trace
    const fits = await post(api, { query: '{ me { id } }', variables: { padding: 'x'.repeat(500 * 1024) } }, p.supervisor.token);
    expect(fits.status).toBe(200);
  });

  it('answers 400 for malformed JSON, without a stack trace', async () => {
    const r = await post(api, undefined, p.supervisor.token, '{"query": "{ me { id } }"');
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses batched (array) requests', async () => {
    const r = await post(api, [{ query: '{ me { id } }' }, { query: '{ me { id } }' }], p.supervisor.token);
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/batching/i);
  });

  it("answers 200 instead of 400 to clients that accept only application/json (the spec's legacy watershed)", async () => {
    const deep = nested(GRAPHQL_LIMITS.maxDepth + 1);
    const legacy = await post(api, { query: deep }, p.supervisor.token, undefined, 'application/json');
    expect(legacy.status).toBe(200);
    expect(codeOf(legacy)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(legacy.json.data).toBeUndefined();
    const modern = await post(api, { query: deep }, p.supervisor.token);
    expect(modern.status).toBe(400);
  });

  it('keeps introspection and suggestions outside production (for GraphiQL and codegen)', async () => {
    const r = await post(api, { query: '{ __schema { queryType { name } } }' });
    expect(r.json.data.__schema.queryType.name).toBe('Query');
    const typo = await post(api, { query: '{ mee { id } }' }, p.supervisor.token);
    expect(typo.json.errors[0].message).toBe('Kiểu “Query” không có trường “mee”; có phải ý bạn là “me”?');
  });
});

describe('security: GraphQL in production', () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, JWT_SECRET: process.env.JWT_SECRET };
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    process.env.JWT_SECRET = `production-like-secret-${'z'.repeat(40)}`;
    api = await TestApi.start();
    token = (await api.newProvince(1)).supervisor.token;
  });
  afterAll(async () => {
    await api.close();
    Object.assign(process.env, saved);
  });

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "FoundingCase") { fields { name } } }']) {
      const r = await post(api, { query }, token);
      expect(r.json.data).toBeUndefined();
      expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.json.errors[0].message).toMatch(/[Ii]ntrospection/);
    }
  });

  it('gives no field, argument, type or enum suggestions', async () => {
    const probes: [string, Record<string, unknown>?][] = [
      ['{ mee { id } }'],
      ['{ me { emial } }'],
      ['{ foundingCases(frist: 1) { totalCount } }'],
      ['query($f: CaseFiltr) { foundingCases(filter: $f) { totalCount } }'],
      ['{ foundingCases(filter: { stage: SURVY }) { totalCount } }'],
      ['query($f: CaseFilter) { foundingCases(filter: $f) { totalCount } }', { f: { stage: 'SURVY' } }],
      ['query($f: CaseFilter) { foundingCases(filter: $f) { totalCount } }', { f: { stagee: 'SURVEY' } }],
    ];
    for (const [query, variables] of probes) {
      const r = await post(api, { query, variables }, token);
      expect(r.json.errors?.length).toBeGreaterThan(0);
      for (const e of r.json.errors) expect(e.message).not.toMatch(/Did you mean|Có phải ý bạn là|“me”|“email”|“first”|“SURVEY”|“stage”/i);
      expect(r.status).not.toBe(500);
    }
  });

  it('serves no GraphiQL page', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await res.text()).not.toMatch(/graphiql/i);
  });
});
