import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApi } from '../support/test-api';

const SCHEMA_FILE = join(__dirname, '..', '..', 'schema.gql');

describe('schema: the GraphQL contract and the database agree with the code', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('prints the schema committed in schema.gql (UPDATE_SCHEMA=1 rewrites it)', () => {
    const printed = `${printSchema(api.app.get(GraphQLSchemaHost).schema)}\n`;
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);
    expect(printed).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('keeps the contract names clients rely on', () => {
    const sdl = readFileSync(SCHEMA_FILE, 'utf8');
    for (const name of [
      'type FoundingCase',
      'type Pipeline',
      'type Report',
      'type RewardNomination',
      'enum CaseStage',
      'input CaseFilter',
      'openFoundingCase(input: OpenCaseInput!): FoundingCase!',
      'pipeline(orgUnitId: ID!, year: Int!): Pipeline!',
      'foundingCases(filter: CaseFilter, first: Int = 50, after: String): FoundingCaseConnection!',
      'escalations(openOnly: Boolean = true): [Escalation!]!',
    ]) {
      expect(sdl).toContain(name);
    }
  });

  it('has migrations that build exactly the schema the entities describe', async () => {
    const sql = await api.db.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});
