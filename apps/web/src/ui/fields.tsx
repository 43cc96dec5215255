import { ReactNode, Ref, useId } from 'react';
import { parseVnDate, vnToday } from '../i18n';
import { useFieldError } from './form-errors';

// Form fields: each with a visible label bound to its input, a hint, and the invalid state the API
// reports. Inside a form (ActionForm, FieldErrors) a field finds its error by its name by itself, and
// the checks it can make before sending (a real date, a number's minimum) run on submit.

export interface FieldBase {
  label: string;
  name: string;
  invalid?: Set<string>;
  hint?: string;
  required?: boolean;
  /** What to show beside the field (marking it invalid); by default what the form's error says of `name`. */
  error?: string;
  testId?: string;
}

function useFieldIds(name: string) {
  const id = useId();
  return { inputId: `${name}-${id}`, hintId: `${name}-${id}-hint`, errorId: `${name}-${id}-error` };
}

/** What every control of a labelled field carries: its id, name and the aria links to label and hint. */
export interface ControlAttrs {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'data-testid': string | undefined;
}

/** The label, the hint and the invalid state around one control; `check`: the rule the value breaks, if any. */
export function Field(p: FieldBase & { control: (attrs: ControlAttrs) => ReactNode; check?: () => string | undefined }) {
  const { inputId, hintId, errorId } = useFieldIds(p.name);
  const { error, bad } = useFieldError(p.name, { label: p.label, inputId, check: p.check }, p.error, p.invalid);
  const describedBy = [error ? errorId : null, p.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${bad ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>
        {p.label}
        {p.required && <span aria-hidden="true"> *</span>}
      </label>
      {p.control({ id: inputId, name: p.name, 'aria-invalid': bad || undefined, 'aria-describedby': describedBy, 'data-testid': p.testId })}
      {error && (
        <small id={errorId} className="field-error" data-testid={p.testId ? `${p.testId}-error` : undefined}>
          {error}
        </small>
      )}
      {p.hint && (
        <small id={hintId} className="hint">
          {p.hint}
        </small>
      )}
    </div>
  );
}

/** A required field left empty, in the API's words. */
const emptyProblem = (p: { required?: boolean; value: string; label: string }): string | undefined =>
  p.required && !p.value.trim() ? `${p.label} không được để trống` : undefined;

export function TextField(
  p: FieldBase & {
    value: string;
    onChange: (v: string) => void;
    type?: string;
    autoComplete?: string;
    placeholder?: string;
    inputMode?: 'numeric' | 'text' | 'email';
    check?: () => string | undefined;
  },
) {
  return (
    <Field
      {...p}
      check={() => emptyProblem(p) ?? p.check?.()}
      control={(a) => (
        <input
          {...a}
          type={p.type ?? 'text'}
          value={p.value}
          autoComplete={p.autoComplete}
          placeholder={p.placeholder}
          inputMode={p.inputMode}
          required={p.required}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    />
  );
}

/**
 * What is wrong with a day typed as dd/mm/yyyy, in the API's words: not a real day ("31/02/2025 không
 * phải là ngày hợp lệ"), or after today where the day has to be past. Empty: the API names it.
 */
/** YYYY-MM-DD naming a day the calendar has (not 2025-13-01, not 2024-02-31). */
function isRealDay(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso;
}

export function dateProblem(text: string, label: string, notAfterToday?: boolean): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const iso = parseVnDate(t);
  if (!isRealDay(iso)) return `${t} không phải là ngày hợp lệ`;
  if (notAfterToday && iso > vnToday()) return `${label} không được sau hôm nay`;
  return undefined;
}

/** A day typed as dd/mm/yyyy (sent as YYYY-MM-DD); `notAfterToday` where the API refuses a future day. */
export function DateField(p: FieldBase & { value: string; onChange: (v: string) => void; notAfterToday?: boolean }) {
  const { notAfterToday, ...rest } = p;
  return (
    <TextField
      {...rest}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      hint={p.hint ?? 'Định dạng dd/mm/yyyy'}
      check={() => dateProblem(p.value, p.label, notAfterToday)}
    />
  );
}

/** What is wrong with a whole number typed (the API's words): below `min`, or not whole. Empty: the API names it. */
export function numberProblem(text: string, label: string, min?: number, whole = true): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const n = Number(t.replace(',', '.'));
  if (!Number.isFinite(n)) return `${label} phải là số`;
  if (min !== undefined && n < min) return `${label} phải từ ${min} trở lên`;
  if (whole && !Number.isInteger(n)) return `${label} phải là số nguyên`;
  return undefined;
}

export function NumberField(p: FieldBase & { value: string; onChange: (v: string) => void; min?: number; step?: string }) {
  return (
    <Field
      {...p}
      check={() => emptyProblem(p) ?? numberProblem(p.value, p.label, p.min, (p.step ?? '1') === '1')}
      control={(a) => (
        <input {...a} type="number" inputMode="numeric" min={p.min} step={p.step ?? '1'} value={p.value} onChange={(e) => p.onChange(e.target.value)} />
      )}
    />
  );
}

export function TextArea(p: FieldBase & { value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <Field
      {...p}
      check={() => emptyProblem(p)}
      control={(a) => <textarea {...a} rows={p.rows ?? 3} value={p.value} onChange={(e) => p.onChange(e.target.value)} />}
    />
  );
}

/** A picker whose value is one of its options' (so a code typed by the contract stays typed). */
export function SelectField<V extends string>(p: FieldBase & { value: V; onChange: (v: V) => void; options: { value: V; label: string }[] }) {
  return (
    <Field
      {...p}
      control={(a) => (
        <select {...a} value={p.value} onChange={(e) => p.onChange(e.target.value as V)}>
          {p.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function CheckboxField(p: { label: string; name: string; checked: boolean; onChange: (v: boolean) => void; invalid?: Set<string>; testId?: string }) {
  const { inputId, errorId } = useFieldIds(p.name);
  const { error, bad } = useFieldError(p.name, { label: p.label, inputId }, undefined, p.invalid);
  return (
    <div className={`field field-check${bad ? ' field-invalid' : ''}`}>
      <input
        id={inputId}
        name={p.name}
        type="checkbox"
        checked={p.checked}
        aria-invalid={bad || undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={p.testId}
        onChange={(e) => p.onChange(e.target.checked)}
      />
      <label htmlFor={inputId}>{p.label}</label>
      {error && (
        <small id={errorId} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

/** A file picker; `check` says what is wrong with the file picked (the server checks again). */
export function FileField(
  p: FieldBase & { accept?: string; inputRef?: Ref<HTMLInputElement>; onChange: (f: File | null) => void; check?: () => string | undefined },
) {
  return (
    <Field {...p} control={(a) => <input {...a} ref={p.inputRef} type="file" accept={p.accept} onChange={(e) => p.onChange(e.target.files?.[0] ?? null)} />} />
  );
}
