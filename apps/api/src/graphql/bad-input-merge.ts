import type { GraphQLFormattedError } from 'graphql';

type Named = { fields?: string[]; messages?: Record<string, string> };

/**
 * graphql-js reports each bad value of a request as an error of its own (one per variable field or
 * literal). The first BAD_USER_INPUT error then names them all: its `fields` and `messages` are the
 * union of every BAD_USER_INPUT error's, so a form shows every bad field at once (docs/architecture.md#errors).
 */
export function mergeBadInput(errors: GraphQLFormattedError[]): GraphQLFormattedError[] {
  const bad = errors.filter((e) => e.extensions?.code === 'BAD_USER_INPUT');
  if (bad.length < 2) return errors;
  const fields = new Set<string>();
  const messages: Record<string, string> = {};
  for (const e of bad) {
    const ext = e.extensions as Named;
    for (const f of ext.fields ?? []) fields.add(f);
    for (const [f, m] of Object.entries(ext.messages ?? {})) messages[f] = messages[f] && messages[f] !== m ? `${messages[f]}; ${m}` : m;
  }
  const first = bad[0];
  const merged = { ...first, extensions: { ...first.extensions, fields: [...fields], messages } };
  return errors.map((e) => (e === first ? merged : e));
}
