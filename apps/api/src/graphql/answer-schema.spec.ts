import Fastify from 'fastify';
import { ANSWER_SCHEMA } from './answer-schema';

/** The answer as Fastify serializes it with the GraphQL route's response schema. */
async function serialized(answer: unknown): Promise<string> {
  const app = Fastify();
  app.get('/', { schema: { response: { '2xx': ANSWER_SCHEMA } } }, async () => answer);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await (await fetch(url)).text();
  } finally {
    await app.close();
  }
}

describe('the GraphQL route answer schema', () => {
  it('keeps numeric path segments numbers, and every extension', async () => {
    const answer = {
      data: { cases: [null] },
      errors: [
        {
          message: 'x',
          locations: [{ line: 1, column: 3 }],
          path: ['cases', 0, 'id'],
          extensions: { code: 'BAD_USER_INPUT', fields: ['a'], messages: { a: 'b' } },
        },
      ],
    };
    expect(JSON.parse(await serialized(answer))).toEqual(answer);
  });

  it('leaves `data` out of an answer without it (a request error)', async () => {
    expect(await serialized({ errors: [{ message: 'x', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] })).toBe(
      '{"errors":[{"message":"x","extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}',
    );
  });
});
