import { buildSchema, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { MercuriusContext } from 'mercurius';
import { jitInputDefaultsHook } from './jit-input-defaults';

const schema = buildSchema(`
  enum Kind { A B }
  input Part { name: String!, childIds: [ID!]! = [], kind: Kind! = B, note: String }
  input Split { parts: [Part!]!, keep: Boolean = false }
  type Query { split(input: Split!): String }
`);
schema.getQueryType()!.getFields().split.resolve = (_root, args) => JSON.stringify(args.input);
const QUERY = 'query($i: Split!) { split(input: $i) }';
const context = { reply: { request: { method: 'POST', body: {} } } } as unknown as MercuriusContext;

describe('jitInputDefaultsHook', () => {
  it('lets graphql-jit run an input that omits non-null fields with defaults, as graphql-js fills them', async () => {
    const document = parse(QUERY);
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error('not compiled');
    const variables = { i: { parts: [{ name: 'A' }, { name: 'B', childIds: ['7'], note: null }] } };
    // The bug worked around: graphql-jit alone refuses the omitted `childIds`.
    expect((await compiled.query({}, {}, variables)).errors?.[0].message).toMatch(/childIds of required type/);
    const fixed = await jitInputDefaultsHook()(schema, document, context, variables);
    expect(variables.i.parts[0]).toEqual({ name: 'A' });
    const result = await compiled.query({}, {}, (fixed as { variables: Record<string, unknown> }).variables);
    expect(result.errors).toBeUndefined();
    expect(JSON.parse((result.data as { split: string }).split)).toEqual({
      parts: [
        { name: 'A', childIds: [], kind: 'B' },
        { name: 'B', childIds: ['7'], kind: 'B', note: null },
      ],
      keep: false,
    });
  });

  it('changes nothing when no such field is missing, or the operation holds none', async () => {
    const hook = jitInputDefaultsHook();
    const complete = { i: { parts: [{ name: 'A', childIds: [], kind: 'A' }] } };
    expect(await hook(schema, parse(QUERY), context, complete)).toBeUndefined();
    expect(await hook(schema, parse('{ __typename }'), context, {})).toBeUndefined();
  });
});
