/** Builds positional SQL parameters while composing a statement: `add` returns the placeholder of the value it keeps. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}
