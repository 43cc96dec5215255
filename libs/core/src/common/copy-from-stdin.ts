import { PoolClient } from 'pg';

/**
 * `COPY … FROM STDIN` over pg's Submittable protocol (pg hands a submitted object the connection; no extra
 * package): the server answers CopyInResponse, the text goes in CopyData messages, then CopyDone. Used to store
 * many rows at once (the dry run of an import), far cheaper than parameters or a jsonb document of them.
 */

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/** COPY's text format: a field with its backslash, tab and line breaks escaped; null as \N. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text[] value for COPY: elements that are plain words (field keys), quoted anyway. */
export function copyTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

class CopyFromStdin {
  readonly done: Promise<number>;
  private resolve!: (n: number) => void;
  private reject!: (e: Error) => void;
  private rows = 0;
  private error: Error | null = null;

  constructor(
    readonly text: string,
    private readonly lines: readonly string[] | Buffer,
  ) {
    this.done = new Promise<number>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    if (Buffer.isBuffer(this.lines)) {
      for (let i = 0; i < this.lines.length; i += 256 * 1024) connection.sendCopyFromChunk(this.lines.subarray(i, i + 256 * 1024));
      connection.endCopyFrom();
      return;
    }
    // About 256 kB per CopyData message.
    let part: string[] = [];
    let size = 0;
    for (const line of this.lines) {
      part.push(line);
      size += line.length;
      if (size >= 256 * 1024) {
        connection.sendCopyFromChunk(Buffer.from(part.join(''), 'utf8'));
        part = [];
        size = 0;
      }
    }
    if (part.length) connection.sendCopyFromChunk(Buffer.from(part.join(''), 'utf8'));
    connection.endCopyFrom();
  }

  handleCommandComplete(msg: { text: string }): void {
    this.rows = Number(/(\d+)$/.exec(msg.text)?.[1] ?? 0);
  }

  handleError(e: Error): void {
    this.error = e;
  }

  handleReadyForQuery(): void {
    if (this.error) this.reject(this.error);
    else this.resolve(this.rows);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/**
 * Runs `sql` (a `COPY … FROM STDIN`) on `client` with `lines` (each a row ending in '\n', fields made with
 * copyField) or bytes already in COPY's format; resolves with the number of rows copied, rejects with the server's error.
 */
export function copyFromStdin(client: PoolClient, sql: string, lines: readonly string[] | Buffer): Promise<number> {
  const q = new CopyFromStdin(sql, lines);
  void client.query(q as never);
  return q.done;
}
