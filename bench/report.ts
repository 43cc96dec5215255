import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Diagnostic, Row, Scale } from './lib/context';
import { CpuUse } from './lib/cpu';
import { fmt, mb, ms, secs } from './lib/stats';
import { soakSection, soakTargetLine } from './report-soak';
import { SoakReport } from './suites/soak-checks';

export interface Meta {
  startedAt: Date;
  finishedAt: Date;
  scale: Scale;
  pgVersion: string;
  redisVersion: string;
  database: string;
  queuePrefix: string;
  loadAverage: number[];
  loadAverageEnd?: number[];
  machine?: { cores: number; model: string; memGiB: number; os: string };
  notes: string[];
  diagnostics: Diagnostic[];
  seeding: { what: string; ms: number }[];
  memory: { process: string; phase: string; rss: number; hwm: number }[];
  benchPeakRss: number;
  explains: { title: string; plan: string }[];
  soak?: SoakReport;
}

const SECTION_TITLES: Record<string, string> = {
  floor: 'Request floor (the API against a bare node:http server)',
  transitions: 'Transitions (writes)',
  reads: 'Reads',
  replica: 'Read replica (DATABASE_READ_URL): a read-heavy mix',
  worker: 'Worker',
  sweep: 'Escalation sweep',
  figures: 'Report figures',
  imports: 'Register import',
  returns: 'Statistics returns',
  documents: 'Official documents (DOCX, PDF)',
};

function value(r: Row, v: number): string {
  if (r.unit === 'ms') return secsOrMs(v);
  return `${fmt(v, v < 100 ? 1 : 0)} ${r.unit}`;
}

function secsOrMs(v: number): string {
  return v >= 1000 ? secs(v) : `${ms(v)} ms`;
}

function cpuCell(c: CpuUse | undefined, withApi: boolean): string {
  if (!c) return '';
  const parts = withApi ? [c.driver, c.api, c.pg] : [c.driver, c.pg];
  return `${parts.map((x) => ms(x)).join(' + ')} = ${ms(parts.reduce((a, b) => a + b, 0))}`;
}

function latency(p50?: number, p99?: number): string {
  return p50 === undefined ? '' : `${ms(p50)} / ${ms(p99!)}`;
}

function rounds(r: Row): string {
  const f = (v: number) => (r.unit === 'ms' ? ms(v) : fmt(v, v < 100 ? 1 : 0));
  return `B ${r.rounds.base.map(f).join(', ')} · S ${r.rounds.system.map(f).join(', ')}`;
}

export function renderMarkdown(rows: Row[], meta: Meta): string {
  const machine = meta.machine ?? machineInfo();
  const lines: string[] = [];
  const minutes = (meta.finishedAt.getTime() - meta.startedAt.getTime()) / 60000;
  lines.push('# Benchmarks');
  lines.push('');
  lines.push(`Written by \`npm run bench\` (\`BENCH_SCALE=${meta.scale.name}\`); regenerate with the same command. Do not edit by hand:`);
  lines.push('the analysis below comes from `bench/NOTES.md`.');
  lines.push('');
  lines.push('| | |');
  lines.push('|---|---|');
  lines.push(`| date | ${meta.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC, ${fmt(minutes, 1)} min |`);
  lines.push(`| machine | ${machine.cores} cores (${machine.model}), ${fmt(machine.memGiB, 1)} GiB RAM, ${machine.os} |`);
  lines.push(
    `| load average (1 / 5 / 15 min) | at start ${meta.loadAverage.map((x) => x.toFixed(2)).join(' / ')}${meta.loadAverageEnd ? `, at end ${meta.loadAverageEnd.map((x) => x.toFixed(2)).join(' / ')}` : ''} (other engineers' builds and tests share the machine) |`,
  );
  lines.push(`| Node | ${process.version} |`);
  lines.push(`| PostgreSQL | ${meta.pgVersion} (server defaults: shared_buffers 128 MB, work_mem 4 MB) |`);
  lines.push(`| Redis | ${meta.redisVersion} |`);
  lines.push(`| database / queue prefix | \`${meta.database}\` / \`${meta.queuePrefix}\` (created, then dropped / deleted) |`);
  lines.push(
    `| rounds | ${meta.scale.rounds} per comparison, baseline and system alternating (B S B S B S); medians shown. Steps whose round takes minutes (sweep backlog at 1M, figures at 10M) stop early when over their time budget: the rounds column lists what ran |`,
  );
  lines.push('');
  lines.push('**Ratio** is always "how the system does relative to the baseline measured in the same run": system ÷ baseline for');
  lines.push('rates, baseline ÷ system for times. 1.00 = as fast as the baseline; 0.25 = a quarter of its rate (or four times its time).');
  lines.push('');
  lines.push('## Summary: targets');
  lines.push('');
  lines.push('| target | measured | met |');
  lines.push('|---|---|---|');
  for (const r of rows.filter((x) => x.target)) {
    const measured =
      r.unit === 'ms' && r.target!.text.startsWith('<')
        ? secsOrMs(r.system)
        : r.unit === 'ms'
          ? `${secsOrMs(r.system)} vs ${secsOrMs(r.base)} = ${fmt(r.system / r.base, 2)}× the bare SQL`
          : r.section === 'floor'
            ? `ratio ${fmt(r.ratio, 2)}; CPU ms/req: API ${ms(r.cpu?.api ?? NaN)}, bare server ${ms(r.baseCpu?.api ?? NaN)}`
            : `ratio ${fmt(r.ratio, 2)}${r.p99 !== undefined ? `, p99 ${ms(r.p99)} ms` : ''}`;
    lines.push(`| ${r.name}: ${r.target!.text} | ${measured} | ${r.target!.met ? 'yes' : '**no**'} |`);
  }
  if (meta.soak) lines.push(soakTargetLine(meta.soak));
  if (meta.notes.length) {
    lines.push('');
    for (const n of meta.notes) lines.push(`- ${n}`);
  }
  for (const section of Object.keys(SECTION_TITLES)) {
    const rs = rows.filter((r) => r.section === section);
    if (!rs.length) continue;
    lines.push('');
    lines.push(`## ${SECTION_TITLES[section]}`);
    lines.push('');
    const baselines = [...new Set(rs.map((r) => r.baseline))];
    for (const b of baselines) lines.push(`Baseline: ${b}.`);
    lines.push('');
    const hasLatency = rs.some((r) => r.p50 !== undefined);
    if (hasLatency) {
      lines.push(
        `| benchmark | system | baseline | ratio | p50 / p99 ms (system) | p50 / p99 ms (baseline) | CPU ms/op system: driver + API + PG | CPU ms/op baseline: driver + ${section === 'floor' ? 'bare server + ' : ''}PG | errors | rounds |`,
      );
      lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
      for (const r of rs) {
        lines.push(
          `| ${r.name} | ${value(r, r.system)} | ${value(r, r.base)} | **${fmt(r.ratio, 2)}** | ${latency(r.p50, r.p99)} | ${latency(r.baseP50, r.baseP99)} | ${cpuCell(r.cpu, true)} | ${cpuCell(r.baseCpu, section === 'floor')} | ${r.errors ?? 0} | ${rounds(r)} |`,
        );
      }
      const diags = meta.diagnostics.filter((d) => d.section === section);
      if (diags.length) {
        lines.push('');
        lines.push("Where a GraphQL request's time goes (one run each, no baseline):");
        lines.push('');
        lines.push('| request | rate | p50 / p99 ms | API CPU ms/req (of it kernel) | Postgres CPU ms/req |');
        lines.push('|---|---:|---:|---:|---:|');
        for (const d of diags) {
          lines.push(
            `| ${d.name} | ${fmt(d.rate, 0)}/s | ${latency(d.p50, d.p99)} | ${d.cpu ? `${ms(d.cpu.api)} (${ms(d.cpu.apiSystem ?? 0)})` : ''} | ${d.cpu ? ms(d.cpu.pg) : ''} |`,
          );
        }
      }
    } else {
      lines.push('| benchmark | system | baseline | ratio | notes | rounds |');
      lines.push('|---|---:|---:|---:|---|---|');
      for (const r of rs) {
        lines.push(`| ${r.name} | ${value(r, r.system)} | ${value(r, r.base)} | **${fmt(r.ratio, 2)}** | ${r.note ?? ''} | ${rounds(r)} |`);
      }
    }
  }
  if (meta.soak) lines.push(...soakSection(meta.soak));
  lines.push('');
  lines.push('## Memory (peak RSS)');
  lines.push('');
  lines.push('The API and the worker run as their own Node processes (`bench/hosts/*`, started with `node -r @swc-node/register`, so');
  lines.push('their RSS includes the on-the-fly TypeScript compiler, some tens of MB more than a `nest build` output would use). The peak');
  lines.push('is VmHWM from /proc/<pid>/status, reset (clear_refs 5) at the start of each phase.');
  lines.push('');
  lines.push('| process | phase | RSS at phase start | peak RSS in phase |');
  lines.push('|---|---|---:|---:|');
  for (const m of meta.memory) lines.push(`| ${m.process} | ${m.phase} | ${mb(m.rss)} | ${mb(m.hwm)} |`);
  lines.push(`| bench driver (load generator, in-process CasesService / sweep / figures / report builds) | whole run | | ${mb(meta.benchPeakRss)} |`);
  lines.push('');
  lines.push('## Data and seeding');
  lines.push('');
  lines.push('Seeded with set-based SQL (`INSERT … SELECT generate_series`, bench/seed.ts), secondary indexes and foreign keys dropped');
  lines.push('during the load and rebuilt after it, then `VACUUM (ANALYZE)`. The world: one provincial federation with 10 upper-level');
  lines.push('unions, their officers and supervisors; one enterprise per case (~70 % with ≥ 25 workers); open cases in every stage with');
  lines.push('their history (one ADVANCE per stage passed) and, for the first 100k, six applications per case from GUIDANCE on;');
  lines.push('RECOGNIZED cases with their grassroots unions, CLOSED cases, grassroots unions older than the campaign; members spread');
  lines.push('over all grassroots unions, admitted 2014 – today (≈ 8 % a year), 5 % left. Due days are set so that about 31 % of the');
  lines.push('open cases are past WARNING, 23 % past BREACH and 6 % past CRITICAL today (a backlog).');
  lines.push('');
  lines.push('| step | time |');
  lines.push('|---|---:|');
  for (const s of meta.seeding) lines.push(`| ${s.what} | ${secs(s.ms)} |`);
  const notesPath = path.join(__dirname, 'NOTES.md');
  if (existsSync(notesPath)) {
    lines.push('');
    lines.push(readFileSync(notesPath, 'utf8').trim());
  }
  if (meta.explains.length) {
    lines.push('');
    lines.push('## Appendix: query plans measured in this run');
    for (const e of meta.explains) {
      lines.push('');
      lines.push(`### ${e.title}`);
      lines.push('');
      lines.push('```');
      lines.push(e.plan);
      lines.push('```');
    }
  }
  lines.push('');
  return lines.join('\n');
}

export function machineInfo(): NonNullable<Meta['machine']> {
  const cpu = os.cpus();
  return { cores: cpu.length, model: cpu[0]?.model.trim() ?? '?', memGiB: os.totalmem() / 2 ** 30, os: `${os.type()} ${os.release()}` };
}

export function writeMarkdown(file: string, rows: Row[], meta: Meta): void {
  writeFileSync(file, renderMarkdown(rows, meta));
}
