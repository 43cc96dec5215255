/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): self time by package / project folder, and the top
 * functions by self and by inclusive time.
 * Usage: node -r @swc-node/register bench/tools/profile-summary.ts FILE [TOP] [SKIP_UNTIL_LAST]
 * SKIP_UNTIL_LAST (e.g. bcryptjs): ignore every sample up to the last one whose stack has a frame from that
 * package (to leave out boot and the logins before a load phase).
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
const prof: Profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const skipUntil = process.argv[4];
const stackHas = (id: number, pkg: string) => {
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
    if (byId.get(cur)!.callFrame.url.includes(`node_modules/${pkg}/`)) return true;
  return false;
};
let first = 0;
if (skipUntil) for (let i = 0; i < prof.samples.length; i++) if (stackHas(prof.samples[i], skipUntil)) first = i + 1;
const self = new Map<number, number>();
for (let i = first; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function where(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native/builtin)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const m = /\/work\/main\/((?:apps|libs|bench)\/[^/]+(?:\/src\/[^/]+)?)/.exec(url);
  return m ? m[1] : url;
}
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`;

const byPkg = new Map<string, number>();
const byFn = new Map<string, number>();
const incl = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  const pkg = where(n.callFrame.url, n.callFrame.functionName);
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
  byFn.set(label(n), (byFn.get(label(n)) ?? 0) + t);
  // inclusive: each distinct function on the stack once
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    incl.set(l, (incl.get(l) ?? 0) + t);
  }
}
const pct = (t: number) => `${((t / total) * 100).toFixed(1).padStart(5)} %`;
const show = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${pct(t)}  ${(t / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
show('self time by package / folder', byPkg, top);
show('self time by function', byFn, top);
show('inclusive time by function', incl, top * 2);
