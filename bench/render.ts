/**
 * Renders docs/benchmarks.md again from a run's saved results (bench/results/<scale>-latest.json), e.g. after
 * bench/NOTES.md changed: node -r @swc-node/register bench/render.ts [results.json] [out.md]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Meta, writeMarkdown } from './report';

const file = process.argv[2] ?? path.join(__dirname, 'results', 'full-latest.json');
const out = process.argv[3] ?? path.join(__dirname, '..', 'docs', 'benchmarks.md');
const { rows, meta } = JSON.parse(readFileSync(file, 'utf8')) as { rows: any[]; meta: Meta };
meta.startedAt = new Date(meta.startedAt);
meta.finishedAt = new Date(meta.finishedAt);
writeMarkdown(out, rows, meta);
process.stderr.write(`wrote ${out} from ${file}\n`);
