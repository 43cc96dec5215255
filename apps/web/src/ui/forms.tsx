import { FormEvent, ReactNode, useCallback, useId, useState } from 'react';
import { ErrorBox, Notice, badFields, fieldMessages } from './errors';
import { type ErrorState, useAction } from './use-action';

/**
 * A form that runs one mutation: busy state, refusal shown in plain Vietnamese, success notice.
 * With `form` (a useForm), the refusal is kept by the form, so that it also marks the fields it names.
 */
export function ActionForm(props: {
  title: string;
  submitLabel: string;
  onSubmit: () => Promise<string | void>;
  children?: ReactNode;
  onReload?: () => void;
  conflict?: string;
  form?: ErrorState;
  className?: string;
  danger?: boolean;
  testId?: string;
  /** More buttons beside the submit one (say, "Đóng"). */
  actions?: ReactNode;
}) {
  const action = useAction(props.form);
  const busy = action.busy !== null;
  const headingId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    await action.run(true, props.onSubmit);
  };
  return (
    <form className={`action-form ${props.className ?? ''}`} onSubmit={submit} aria-labelledby={headingId} data-testid={props.testId} noValidate>
      <h3 id={headingId}>{props.title}</h3>
      {props.children}
      <ErrorBox error={action.error} onReload={props.onReload} conflict={props.conflict} />
      {action.done && <Notice>{action.done}</Notice>}
      <div className="form-actions">
        <button
          type="submit"
          className={`btn ${props.danger ? 'btn-danger' : 'btn-primary'}`}
          disabled={busy}
          aria-busy={busy}
          data-testid={props.testId ? `${props.testId}-submit` : undefined}
        >
          {busy ? 'Đang gửi…' : props.submitLabel}
        </button>
        {props.actions}
      </div>
    </form>
  );
}

type KeysWith<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T] & string;

/**
 * A form's values (strings and booleans) and the error of its last submit. `field(name)` and
 * `check(name)` give a field its name, value, setter and the names the error marks invalid:
 * `<TextField label="…" {...f.field('heldOn')} />`. Pass the form to ActionForm as `form`.
 */
export function useForm<T extends Record<string, string | boolean>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [error, setError] = useState<unknown>(null);
  const set = useCallback(
    <K extends keyof T>(k: K) =>
      (v: T[K]) =>
        setValues((s) => ({ ...s, [k]: v })),
    [],
  );
  const invalid = badFields(error);
  const messages = fieldMessages(error);
  const field = <K extends KeysWith<T, string>>(name: K) => ({ name, value: values[name], onChange: set(name), invalid, error: messages[name] });
  const check = <K extends KeysWith<T, boolean>>(name: K) => ({ name, checked: values[name], onChange: set(name), invalid });
  return { values, setValues, set, error, setError, invalid, messages, field, check };
}
