/**
 * The API's callers' rows as last read, so that an authenticated request need not read its caller again
 * (docs/architecture.md#the-callers-cache). Trusted only while `live`: the process listens to the database's
 * account changes. A change is heard twice: `changing` when a statement of this process raises it (before its
 * commit: the rows stop being trusted at once, so a process's own change takes effect on its next request) and
 * `changed` when the commit's notification arrives (from any process). A read that overlapped either is not kept.
 */
export interface ActorCacheOptions {
  /** How long a row is trusted without being read again, even if no change was heard. */
  ttlMs: number;
  /** How long a change heard only as `changing` (its transaction may have rolled back) keeps rows untrusted. */
  holdMs: number;
  /** At most this many rows; past it the oldest is forgotten. */
  maxEntries: number;
  now?: () => number;
}

/** Every row: a unit's path changed, and a caller's row carries the path of its unit. */
export const ALL_ACTORS = '*';

export class ActorCache<Row> {
  private readonly rows = new Map<string, { row: Row; at: number }>();
  /** Keys (an account's id or ALL_ACTORS) changed in this process whose commit has not been heard yet → until. */
  private readonly held = new Map<string, number>();
  private generation = 0;
  private live = false;
  private readonly now: () => number;

  constructor(private readonly options: ActorCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get isLive(): boolean {
    return this.live;
  }

  get size(): number {
    return this.rows.size;
  }

  /** Listening (again): starts empty, since changes made while not listening were not heard. */
  start(): void {
    this.forgetAll();
    this.live = true;
  }

  /** Not listening: nothing is trusted until start. */
  stop(): void {
    this.live = false;
    this.forgetAll();
  }

  /** The row of `id` if it may be trusted now. */
  get(id: string): Row | undefined {
    if (!this.live || this.isHeld(id)) return undefined;
    const hit = this.rows.get(id);
    if (!hit) return undefined;
    if (this.now() - hit.at >= this.options.ttlMs) {
      this.rows.delete(id);
      return undefined;
    }
    return hit.row;
  }

  /** Marks the start of a read; pass it to `put` so a read that overlapped a change is not kept. */
  readStarted(): number {
    return this.generation;
  }

  put(id: string, row: Row, startedAt: number): void {
    if (!this.live || startedAt !== this.generation || this.isHeld(id)) return;
    if (this.rows.size >= this.options.maxEntries && !this.rows.has(id)) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(id, { row, at: this.now() });
  }

  /** A statement of this process changed `key`; its commit is yet to be heard. */
  changing(key: string): void {
    this.generation++;
    this.held.set(key, this.now() + this.options.holdMs);
    this.forget(key);
  }

  /** A committed change of `key`, from any process. */
  changed(key: string): void {
    this.generation++;
    this.held.delete(key);
    this.forget(key);
  }

  private forget(key: string): void {
    if (key === ALL_ACTORS) this.rows.clear();
    else this.rows.delete(key);
  }

  private forgetAll(): void {
    this.generation++;
    this.rows.clear();
    this.held.clear();
  }

  private isHeld(id: string): boolean {
    if (this.held.size === 0) return false;
    const now = this.now();
    for (const key of [id, ALL_ACTORS]) {
      const until = this.held.get(key);
      if (until === undefined) continue;
      if (now < until) return true;
      this.held.delete(key);
    }
    return false;
  }
}
