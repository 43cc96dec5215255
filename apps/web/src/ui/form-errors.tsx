import { ReactNode, createContext, useContext, useEffect, useMemo, useRef } from 'react';
import { ApiError } from '../api';

// Field-level errors, shared by every form (docs/architecture.md#field-errors): a form puts the error of
// its last submit in a context; each field finds what it says of it by the field's `name` (the API's
// input field name), so a page wires nothing per field. Fields also register their label, input id and
// the checks the browser can make before sending, which the form runs on submit.

/** What a field tells its form: its label and input (for the summary's links), and its client check. */
export interface FieldEntry {
  label: string;
  inputId: string;
  /** The rule the value breaks, in the same words as the API, or undefined. */
  check?: () => string | undefined;
}

export type FieldRegistry = Map<string, FieldEntry>;

interface FormErrors {
  messages: Record<string, string>;
  invalid: Set<string>;
  fields: FieldRegistry;
}

const FormErrorsContext = createContext<FormErrors | null>(null);

const list = (x: unknown): string[] => (Array.isArray(x) ? x : []);

/**
 * Whether a server message is meant for the user: only a text with Vietnamese letters is shown as it
 * is (an English one, meant for the logs, never reaches a user).
 */
export const isVietnamese = (text: unknown): text is string =>
  typeof text === 'string' && /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i.test(text);

/** What a BAD_USER_INPUT error says of each field it names, where it says it in Vietnamese (shown beside the field). */
export function fieldMessages(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError) || e.code !== 'BAD_USER_INPUT') return {};
  const m = e.extensions.messages;
  if (!m || typeof m !== 'object') return {};
  return Object.fromEntries(Object.entries(m).filter(([, v]) => isVietnamese(v)));
}

/** The fields a BAD_USER_INPUT error names (to mark the inputs). */
export function badFields(e: unknown): Set<string> {
  return new Set(e instanceof ApiError && e.code === 'BAD_USER_INPUT' ? list(e.extensions.fields) : []);
}

/** What a field shows when the API names it without a Vietnamese message. */
export const GENERIC_FIELD_ERROR = 'Giá trị này chưa hợp lệ';

/** A registry of fields that lives as long as the form. */
export function useFieldRegistry(): FieldRegistry {
  return useRef<FieldRegistry>(new Map()).current;
}

/** Gives the fields below the error (a BAD_USER_INPUT names them) and collects their entries into `fields`. */
export function FieldErrors({ error, fields, children }: { error: unknown; fields?: FieldRegistry; children: ReactNode }) {
  const own = useFieldRegistry();
  const registry = fields ?? own;
  const value = useMemo(() => ({ messages: fieldMessages(error), invalid: badFields(error), fields: registry }), [error, registry]);
  return <FormErrorsContext.Provider value={value}>{children}</FormErrorsContext.Provider>;
}

/** The registry of the form around (for the summary's labels and links), if any. */
export const useFormFields = (): FieldRegistry | null => useContext(FormErrorsContext)?.fields ?? null;

/**
 * A field's error: the one given to it, else what the form's error says of its name. The entry is
 * (re)registered on every render, so that its check sees the value shown.
 */
export function useFieldError(name: string, entry: FieldEntry, given?: string, invalid?: Set<string>): { error?: string; bad: boolean } {
  const ctx = useContext(FormErrorsContext);
  ctx?.fields.set(name, entry);
  useEffect(
    () => () => {
      // Only this field's own entry: a field of the same name mounted meanwhile keeps its own.
      if (ctx?.fields.get(name)?.inputId === entry.inputId) ctx.fields.delete(name);
    },
    [ctx, name, entry.inputId],
  );
  const named = !!invalid?.has(name) || !!ctx?.invalid.has(name);
  const error = given ?? ctx?.messages[name] ?? (named ? GENERIC_FIELD_ERROR : undefined);
  return { error, bad: named || !!error };
}

/**
 * The problems the browser finds before sending: each registered field's check, then the form's own
 * (rules across fields); the first message of a field wins. Null when there are none.
 */
export function clientRefusal(fields: FieldRegistry, formCheck?: () => Record<string, string | undefined>): ApiError | null {
  const messages: Record<string, string> = {};
  for (const [name, f] of fields) {
    const m = f.check?.();
    if (m) messages[name] = m;
  }
  for (const [name, m] of Object.entries(formCheck?.() ?? {})) if (m && !messages[name]) messages[name] = m;
  const names = Object.keys(messages);
  if (!names.length) return null;
  return new ApiError('Dữ liệu chưa hợp lệ', 'BAD_USER_INPUT', { code: 'BAD_USER_INPUT', fields: names, messages, client: true });
}
