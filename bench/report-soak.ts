import { SoakReport } from './suites/soak-checks';
import { fmt, mb, ms, secs } from './lib/stats';

/** The summary's line of the soak: its invariants, met or not. */
export function soakTargetLine(s: SoakReport): string {
  const failed = s.invariants.filter((i) => !i.ok).map((i) => i.name);
  const measured = failed.length ? `failed: ${failed.join(', ')}` : `all ${s.invariants.length} hold; ${fmt(s.ops)} operations, p99 ${ms(s.p99)} ms`;
  return `| soak, ${s.clients} clients for ${secs(s.seconds * 1000)}: history = version − 1, outbox drained, effects once, no connection leak, memory flat (at most +10 %) | ${measured} | ${failed.length ? '**no**' : 'yes'} |`;
}

/** The soak's section of docs/benchmarks.md. */
export function soakSection(s: SoakReport): string[] {
  const lines: string[] = [];
  lines.push('');
  lines.push('## Soak');
  lines.push('');
  lines.push(
    `${s.clients} closed-loop clients against the API process for ${secs(s.seconds * 1000)} (warm-up ${secs(s.warmupSeconds * 1000)}), each cycling through 4 writes`,
  );
  lines.push('(`recordOutreach` on its own cases) and 6 reads (`foundingCases`, `foundingCase`, `pipeline`, `members`) of ten; meanwhile the');
  lines.push(
    `worker process swept (${s.sweeps} escalation-sweep outbox rows) and built ${s.reportsRequested} reports asked for by \`requestReport\`. Then the outbox`,
  );
  lines.push(
    `and queues drained (${Number.isFinite(s.drainMs) ? secs(s.drainMs) : 'not within 3 min'}) and the invariants were checked. No baseline: the figures are the system's own.`,
  );
  lines.push('');
  lines.push('| operation | ops | errors | p50 / p99 ms |');
  lines.push('|---|---:|---:|---:|');
  for (const k of s.byKind) lines.push(`| ${k.kind} | ${fmt(k.ops)} | ${k.errors} | ${ms(k.p50)} / ${ms(k.p99)} |`);
  lines.push(`| **all** (${fmt(s.rate, 0)} ops/s) | ${fmt(s.ops)} | ${s.errors} | ${ms(s.p50)} / ${ms(s.p99)} |`);
  if (s.firstError) lines.push(`\nFirst error: \`${s.firstError}\``);
  lines.push('');
  lines.push('RSS sampled every 5 s swings with the GC (a sawtooth); the check compares the RSS after a full collection');
  lines.push('(`--expose-gc`, asked for over IPC) after the warm-up and at the end, with the heap in use beside it.');
  lines.push('');
  lines.push('| process | RSS at start | sampled min / max after warm-up | RSS at end of load | after warm-up, after GC (heap) | at end, after GC (heap) |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  const later = s.memory.samples.filter((x) => x.at >= s.warmupSeconds);
  for (const p of ['api', 'worker'] as const) {
    const xs = later.map((x) => x[p]);
    const heap = p === 'api' ? 'apiHeap' : 'workerHeap';
    lines.push(
      `| ${p === 'api' ? 'API' : 'worker'} | ${mb(s.memory.start[p])} | ${xs.length ? `${mb(Math.min(...xs))} / ${mb(Math.max(...xs))}` : '–'} | ${mb(s.memory.endRaw[p])} | ` +
        `${mb(s.memory.warm[p])} (${mb(s.memory.warm[heap])}) | ${mb(s.memory.end[p])} (${mb(s.memory.end[heap])}) |`,
    );
  }
  lines.push('');
  lines.push('| invariant | holds | figures |');
  lines.push('|---|---|---|');
  for (const i of s.invariants) lines.push(`| ${i.name} | ${i.ok ? 'yes' : '**no**'} | ${i.detail} |`);
  return lines;
}
