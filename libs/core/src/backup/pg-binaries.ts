import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import path from 'node:path';

const isExecutable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Version order of '15', '16', '9.6' (numeric, part by part). */
function byVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * The folder of the Postgres binaries `tool` is in: CDCS_PG_BIN when set, else the newest
 * /usr/lib/postgresql/<major>/bin holding it, else the folder of the one on PATH (the same places
 * as _cdcs_find_pg_bin of scripts/lib/services.sh). The newest, so pg_dump is at least the server's version.
 */
export function findPgBin(tool = 'pg_dump'): string {
  const candidates: string[] = [];
  if (process.env.CDCS_PG_BIN) candidates.push(process.env.CDCS_PG_BIN);
  try {
    const majors = readdirSync('/usr/lib/postgresql').sort(byVersion).reverse();
    candidates.push(...majors.map((m) => path.join('/usr/lib/postgresql', m, 'bin')));
  } catch {
    // no Debian layout
  }
  for (const d of candidates) if (isExecutable(path.join(d, tool))) return d;
  try {
    const onPath = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    if (onPath) return path.dirname(onPath);
  } catch {
    // not on PATH either
  }
  throw new Error(`Postgres binary ${tool} not found in CDCS_PG_BIN, /usr/lib/postgresql/*/bin or PATH (Debian/Ubuntu: apt-get install postgresql-client)`);
}
