import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: the dashboard's GraphQL types, from the contract (schema.gql, printed from the
 * server code) and the documents in src/queries*.ts, into src/generated/graphql.ts (committed;
 * codegen.spec.ts fails when it is stale). Paths are relative to the repo root, where npm runs it.
 */
const config: CodegenConfig = {
  schema: 'schema.gql',
  // queries.ts and the documents of the register pages beside it (queries-accounts.ts, queries-register.ts, …).
  documents: ['apps/web/src/queries.ts', 'apps/web/src/queries-*.ts'],
  // Written as the repo's Prettier settings say (the spec compares tokens, not formatting).
  hooks: { afterAllFileWrite: ['prettier --write'] },
  generates: {
    'apps/web/src/generated/graphql.ts': {
      plugins: ['typescript-operations'],
      config: {
        // Dates travel as strings: Date is YYYY-MM-DD, DateTime an ISO instant; Money is whole đồng as digits.
        scalars: { Date: 'string', DateTime: 'string', Money: 'string' },
        skipTypename: true,
        useTypeImports: true,
        // The server registers the domain's enums as these GraphQL enums: the same values, one type.
        enumValues: {
          CaseStage: '@app/domain/case-stage#CaseStage',
          CloseReason: '@app/domain/case-stage#CloseReason',
        },
      },
    },
  },
};

export default config;
