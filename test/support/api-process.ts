import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './own-redis';
import { eventually } from './test-worker';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The real API (`apps/api/src/main.ts`, run from the sources with @swc-node/register) in a child process, for tests
 * that read what it logs (pino's JSON lines on stdout). The environment is this process's plus `env`.
 */
export class ApiProcess {
  private out = '';

  private constructor(
    private readonly proc: ChildProcess,
    readonly url: string,
  ) {}

  static async start(env: Record<string, string | undefined>): Promise<ApiProcess> {
    const port = await freePort();
    const proc = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test', PORT: String(port), API_PROCESSES: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = new ApiProcess(proc, `http://127.0.0.1:${port}`);
    proc.stdout!.on('data', (d) => (api.out += d));
    proc.stderr!.on('data', (d) => (api.out += d));
    let gone = false;
    proc.once('exit', () => (gone = true));
    try {
      await eventually(
        async () => {
          if (gone) throw new Error('exited during start');
          return (await fetch(`${api.url}/health`)).ok;
        },
        90_000,
        250,
      );
    } catch (e) {
      proc.kill('SIGKILL');
      throw new Error(`API did not start: ${(e as Error).message}\n${api.out.slice(-3000)}`, { cause: e });
    }
    return api;
  }

  /** Everything it printed so far. */
  output(): string {
    return this.out;
  }

  /** Its pino lines (JSON objects) so far. */
  logLines(): { level: number; msg?: string; context?: string }[] {
    return this.out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as { level: number; msg?: string; context?: string }];
        } catch {
          return [];
        }
      });
  }

  async gql<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<{ status: number; data?: T; errors?: unknown[] }> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as { data?: T; errors?: unknown[] }) };
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}
