import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as ts from 'typescript';
import config from './codegen';

const ROOT = resolve(__dirname, '../..');
const OUTPUT = 'apps/web/src/generated/graphql.ts';

/**
 * Codegen's programmatic `generate(config, false)`, in memory, in a child node: @graphql-codegen/cli
 * requires ES modules (yargs), which jest's CommonJS runtime cannot load on this Node.
 */
const GENERATE = `
const { generate } = require('@graphql-codegen/cli');
generate({ ...JSON.parse(process.argv[1]), silent: true }, false).then(
  (outputs) => process.stdout.write(JSON.stringify(outputs)),
  (e) => { console.error(e); process.exit(1); },
);`;

async function generateInMemory(): Promise<{ filename: string; content: string }[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', GENERATE, JSON.stringify({ ...config, cwd: ROOT })], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

/**
 * The file's tokens, blind to formatting: a formatter may re-wrap lines, swap quotes, separate type
 * members with `,` or `;`, or put a `|` before a union's first member; none of that is staleness.
 */
function tokens(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  const out: string[] = [];
  let previous: ts.SyntaxKind | undefined;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const separator = kind === ts.SyntaxKind.CommaToken || kind === ts.SyntaxKind.SemicolonToken;
    const leadingBar =
      kind === ts.SyntaxKind.BarToken &&
      (previous === ts.SyntaxKind.EqualsToken ||
        previous === ts.SyntaxKind.ColonToken ||
        previous === ts.SyntaxKind.OpenParenToken ||
        previous === ts.SyntaxKind.LessThanToken);
    if (!separator && !leadingBar) {
      out.push(kind === ts.SyntaxKind.StringLiteral ? JSON.stringify(scanner.getTokenValue()) : scanner.getTokenText());
    }
    previous = kind;
  }
  return out;
}

describe('generated GraphQL types (apps/web)', () => {
  it(`${OUTPUT} is what \`npm run codegen\` makes of schema.gql and src/queries.ts`, async () => {
    const [output] = await generateInMemory();
    expect(output.filename).toBe(OUTPUT);
    const committed = readFileSync(join(ROOT, OUTPUT), 'utf8');
    const upToDate = tokens(committed).join(' ') === tokens(output.content).join(' ');
    // Stale: the diff shows what codegen makes now ("Expected"); `npm run codegen` writes it.
    if (!upToDate) expect(committed).toBe(output.content);
    expect(upToDate).toBe(true);
  }, 60_000);
});
