import { FormEvent, ReactNode, useCallback, useId, useRef, useState } from 'react';
import { ErrorBox, Notice } from './errors';
import { FieldErrors, badFields, clientRefusal, fieldMessages, useFieldRegistry } from './form-errors';
import { type ErrorState, useAction } from './use-action';

/**
 * A form that runs one mutation: busy state, refusal shown in plain Vietnamese, success notice.
 * The refusal is summed up at the top of the form, brought into view and focused; each bad field
 * shows its own message beside it (FieldErrors). The fields' checks (and `form.check`) run first:
 * what the browser can tell is refused before anything is sent, in the same words as the API.
 * With `form` (a useForm), the refusal is kept by the form.
 */
export function ActionForm(props: {
  title: string;
  submitLabel: string;
  onSubmit: () => Promise<string | void>;
  children?: ReactNode;
  onReload?: () => void;
  conflict?: string;
  /** What a NOT_FOUND means on this page (with the reload offered), instead of the API's sentence. */
  notFound?: string;
  form?: ErrorState;
  className?: string;
  danger?: boolean;
  testId?: string;
  /** More buttons beside the submit one (say, "Đóng"). */
  actions?: ReactNode;
}) {
  const action = useAction(props.form);
  const fields = useFieldRegistry();
  const busy = action.busy !== null;
  const headingId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const refused = clientRefusal(fields, props.form?.check);
    if (refused) return action.fail(refused);
    await action.run(true, props.onSubmit);
  };
  return (
    <form className={`action-form ${props.className ?? ''}`} onSubmit={submit} aria-labelledby={headingId} data-testid={props.testId} noValidate>
      <h3 id={headingId}>{props.title}</h3>
      <FieldErrors error={action.error} fields={fields}>
        <ErrorBox error={action.error} onReload={props.onReload} conflict={props.conflict} notFound={props.notFound} reveal />
        {props.children}
      </FieldErrors>
      {action.done && <Notice reveal>{action.done}</Notice>}
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
 * `check(name)` give a field its name, value and setter: `<TextField label="…" {...f.field('heldOn')} />`
 * (its error comes from the form by name). Pass the form to ActionForm as `form`. `opts.check`: the
 * rules across fields the browser checks before sending (field → message in the API's words).
 */
export function useForm<T extends Record<string, string | boolean>>(initial: T, opts: { check?: (values: T) => Record<string, string | undefined> } = {}) {
  const [values, setValues] = useState<T>(initial);
  const [error, setError] = useState<unknown>(null);
  const set = useCallback(
    <K extends keyof T>(k: K) =>
      (v: T[K]) =>
        setValues((s) => ({ ...s, [k]: v })),
    [],
  );
  // The check reads the values of the latest render (the submit runs between renders).
  const latest = useRef(values);
  latest.current = values;
  const formCheck = opts.check;
  const check = formCheck ? () => formCheck(latest.current) : undefined;
  const invalid = badFields(error);
  const messages = fieldMessages(error);
  const field = <K extends KeysWith<T, string>>(name: K) => ({ name, value: values[name], onChange: set(name) });
  const checkbox = <K extends KeysWith<T, boolean>>(name: K) => ({ name, checked: values[name], onChange: set(name) });
  return { values, setValues, set, error, setError, invalid, messages, field, check, checkbox };
}
