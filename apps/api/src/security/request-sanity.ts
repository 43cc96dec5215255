import { DocumentNode, GraphQLError, Kind, OperationTypeNode, getOperationAST, visit } from 'graphql';
import type { MercuriusContext, preExecutionHookHandler } from 'mercurius';
import { fieldLabel } from '@app/core';
import { operationNameOf } from './graphql-over-http';

/**
 * The paths (`input.name`, `ids[3]`) of strings holding a NUL character, which no text column
 * can store. Iterative: a hostile body may nest thousands of levels deep.
 */
export function nulPaths(root: unknown): string[] {
  const out: string[] = [];
  const stack: [unknown, string][] = [[root, '']];
  const seen = new Set<unknown>();
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) out.push(path || '(value)');
    } else if (value && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, `${path}[${i}]`]));
      else for (const [k, v] of Object.entries(value)) stack.push([v, path ? `${path}.${k}` : k]);
    }
  }
  return out;
}

/** Whether a document has a string literal holding a NUL character. */
function hasNulLiteral(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

/**
 * Refuses, before execution, what would otherwise fail deep inside: NUL characters in strings
 * (Postgres rejects them mid-transaction) and subscriptions (the API serves none over HTTP;
 * graphql-js would throw "Schema is not configured to execute subscription operation").
 * A Mercurius preExecution hook: it sees the parsed, validated document and the variables.
 */
export function requestSanityHook(): preExecutionHookHandler<MercuriusContext> {
  // Per document (Mercurius hands the same DocumentNode for the same query text): one walk per text, not per request.
  const nulLiteral = new WeakMap<DocumentNode, boolean>();
  return async (_schema, document, context, variables) => {
    const operation = getOperationAST(document, operationNameOf(context.reply.request));
    if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
      throw new GraphQLError('Máy chủ không phục vụ subscription qua HTTP', { extensions: { code: 'BAD_REQUEST' } });
    }
    const fields = nulPaths(variables ?? {});
    let literal = nulLiteral.get(document);
    if (literal === undefined) nulLiteral.set(document, (literal = hasNulLiteral(document)));
    if (literal) fields.push('(literal)');
    if (fields.length) {
      // formatGraphqlError takes `extensions.fields` from the `field "…"` mentions.
      const names = [
        ...new Set(
          fields.map((f) =>
            f
              .split('.')
              .pop()!
              .replace(/\[\d+\]$/, ''),
          ),
        ),
      ];
      const messages = Object.fromEntries(names.map((n) => [n, `${n === '(literal)' ? 'Văn bản' : fieldLabel(n)} không được chứa ký tự NUL`]));
      throw new GraphQLError(`Dữ liệu không hợp lệ: ${Object.values(messages).join('; ')}`, {
        extensions: { code: 'BAD_USER_INPUT', fields: names, messages },
      });
    }
  };
}
