import { PoolClient } from 'pg';

/** The parts of pg's connection a COPY … FROM STDIN needs (pg's Submittable protocol; no pg-copy-streams). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY … FROM STDIN` of bytes held in memory, as a pg Submittable: pg hands it the connection, the server
 * answers CopyInResponse, the bytes go in 64 kB CopyData messages, then CopyDone. Resolves with the row count.
 */
class CopyFromStdin {
  readonly done: Promise<number>;
  private resolve!: (n: number) => void;
  private reject!: (e: Error) => void;
  private rows = 0;
  private error: Error | null = null;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
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
    for (let i = 0; i < this.data.length; i += 64 * 1024) connection.sendCopyFromChunk(this.data.subarray(i, i + 64 * 1024));
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

/** Runs `sql` (a `COPY … FROM STDIN`) with `data` on `client`; the number of rows copied. */
export function copyFromStdin(client: PoolClient, sql: string, data: Buffer): Promise<number> {
  const q = new CopyFromStdin(sql, data);
  client.query(q as never);
  return q.done;
}
