/** Environment variables a suite sets for the apps it starts, put back as they were when it ends. */
export class EnvOverrides {
  private readonly saved: Record<string, string | undefined> = {};

  /** Sets each variable (undefined: removes it), remembering its first value. */
  set(vars: Record<string, string | undefined>): void {
    for (const [k, v] of Object.entries(vars)) {
      if (!(k in this.saved)) this.saved[k] = process.env[k];
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }

  restore(): void {
    for (const [k, v] of Object.entries(this.saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
      delete this.saved[k];
    }
  }
}
