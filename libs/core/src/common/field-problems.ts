import { AppError, ErrorCode } from './app-error';

/**
 * The bad fields of one input, collected so that all of them are reported at once, in Vietnamese:
 * BAD_USER_INPUT with `fields` (each bad field), `messages` (field → its messages joined) and, for
 * password fields, `rules` (field → the codes of the broken password rules).
 */
export class FieldProblems {
  private readonly byField = new Map<string, string[]>();
  private readonly ruleCodes: Record<string, string[]> = {};

  add(field: string, message: string): this {
    const list = this.byField.get(field) ?? [];
    list.push(message);
    this.byField.set(field, list);
    return this;
  }

  /** Broken password rules of `field`, each with its message. */
  addRules(field: string, violations: readonly { rule: string; message: string }[]): this {
    for (const v of violations) {
      this.add(field, v.message);
      (this.ruleCodes[field] ??= []).push(v.rule);
    }
    return this;
  }

  has(field?: string): boolean {
    return field ? this.byField.has(field) : this.byField.size > 0;
  }

  error(): AppError {
    const messages = Object.fromEntries([...this.byField].map(([f, m]) => [f, m.join('; ')]));
    return new AppError(ErrorCode.BAD_USER_INPUT, `Dữ liệu không hợp lệ: ${Object.values(messages).join('; ')}`, {
      fields: [...this.byField.keys()],
      messages,
      ...(Object.keys(this.ruleCodes).length ? { rules: this.ruleCodes } : {}),
    });
  }

  /** Throws the collected problems, if any. */
  throwIfAny(): void {
    if (this.has()) throw this.error();
  }
}
