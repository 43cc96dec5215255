import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { TestApi } from '../support/test-api';
jest.setTimeout(60000);
it('prints', async () => {
  const api = await TestApi.start();
  writeFileSync('/tmp/hard/live.gql', printSchema(api.app.get(GraphQLSchemaHost).schema));
  await api.close();
});
