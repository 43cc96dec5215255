import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/** The TCP port of a postgres:// or redis:// URL (defaults 5432 / 6379). */
export function portOf(url: string): number {
  const u = new URL(url);
  return Number(u.port || (u.protocol.startsWith('redis') ? 6379 : 5432));
}

/**
 * Established TCP connections of one process to a remote port: its socket fds (/proc/<pid>/fd) matched
 * against the namespace's socket table (/proc/<pid>/net/tcp, tcp6). Counts that process's own clients only,
 * where a server-side count (pg_stat_activity, CLIENT LIST) would mix in other sessions on the shared servers.
 */
export function connectionsTo(pid: number, port: number): number {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // closed while we looked
    }
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let n = 0;
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue; // no IPv6
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // f[2] remote address:port, f[3] state (01 = ESTABLISHED), f[9] inode
      if (f.length > 9 && f[3] === '01' && f[2].endsWith(`:${hexPort}`) && inodes.has(f[9])) n++;
    }
  }
  return n;
}
