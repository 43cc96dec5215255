import { ReactNode, useId } from 'react';

// Form fields: each with a visible label bound to its input, a hint, and the invalid state the API reports.

export interface FieldBase {
  label: string;
  name: string;
  invalid?: Set<string>;
  hint?: string;
  required?: boolean;
  /** What the API said of this field (shown beside it, marking it invalid). */
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

/** The label, the hint and the invalid state around one control. */
export function Field(p: FieldBase & { control: (attrs: ControlAttrs) => ReactNode }) {
  const { inputId, hintId, errorId } = useFieldIds(p.name);
  const bad = p.invalid?.has(p.name) || !!p.error;
  const describedBy = [p.error ? errorId : null, p.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${bad ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>
        {p.label}
        {p.required && <span aria-hidden="true"> *</span>}
      </label>
      {p.control({ id: inputId, name: p.name, 'aria-invalid': bad || undefined, 'aria-describedby': describedBy, 'data-testid': p.testId })}
      {p.error && (
        <small id={errorId} className="field-error" data-testid={p.testId ? `${p.testId}-error` : undefined}>
          {p.error}
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

export function TextField(
  p: FieldBase & {
    value: string;
    onChange: (v: string) => void;
    type?: string;
    autoComplete?: string;
    placeholder?: string;
    inputMode?: 'numeric' | 'text' | 'email';
  },
) {
  return (
    <Field
      {...p}
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

/** A day typed as dd/mm/yyyy (sent as YYYY-MM-DD). */
export function DateField(p: FieldBase & { value: string; onChange: (v: string) => void }) {
  return <TextField {...p} placeholder="dd/mm/yyyy" inputMode="numeric" hint={p.hint ?? 'Định dạng dd/mm/yyyy'} />;
}

export function NumberField(p: FieldBase & { value: string; onChange: (v: string) => void; min?: number; step?: string }) {
  return (
    <Field
      {...p}
      control={(a) => (
        <input {...a} type="number" inputMode="numeric" min={p.min} step={p.step ?? '1'} value={p.value} onChange={(e) => p.onChange(e.target.value)} />
      )}
    />
  );
}

export function TextArea(p: FieldBase & { value: string; onChange: (v: string) => void; rows?: number }) {
  return <Field {...p} control={(a) => <textarea {...a} rows={p.rows ?? 3} value={p.value} onChange={(e) => p.onChange(e.target.value)} />} />;
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
  const { inputId } = useFieldIds(p.name);
  const bad = p.invalid?.has(p.name);
  return (
    <div className={`field field-check${bad ? ' field-invalid' : ''}`}>
      <input
        id={inputId}
        name={p.name}
        type="checkbox"
        checked={p.checked}
        aria-invalid={bad || undefined}
        data-testid={p.testId}
        onChange={(e) => p.onChange(e.target.checked)}
      />
      <label htmlFor={inputId}>{p.label}</label>
    </div>
  );
}
