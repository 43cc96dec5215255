import { FormEvent, ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from './api';
import { REASON_LABEL, UNMET_LABEL, fieldLabel, fmtDate, fmtNumber, parseVnDate, vnToday, labelOf } from './i18n';

// ---------------------------------------------------------------------------------------------
// Errors in plain Vietnamese

export interface ErrorView {
  title: string;
  items: string[];
  reload?: boolean;
  code: string;
}

export const CONFLICT_TEXT = 'Hồ sơ đã được người khác cập nhật — tải lại';

export function describeError(e: unknown, opts: { conflict?: string } = {}): ErrorView {
  if (!(e instanceof ApiError)) return { code: 'CLIENT', title: 'Đã có lỗi xảy ra. Vui lòng thử lại.', items: [] };
  const x = e.extensions;
  switch (e.code) {
    case 'TRANSITION_NOT_ALLOWED': {
      const unmet = Array.isArray(x.unmet) ? x.unmet : [];
      if (unmet.length) {
        return { code: e.code, title: 'Chưa đủ điều kiện — còn thiếu:', items: unmet.map((u) => labelOf(UNMET_LABEL, u)) };
      }
      return { code: e.code, title: 'Thao tác này không thực hiện được ở giai đoạn hiện tại của hồ sơ.', items: [] };
    }
    case 'BAD_USER_INPUT': {
      const fields = Array.isArray(x.fields) ? x.fields : [];
      return {
        code: e.code,
        title: fields.length ? 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra:' : 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra lại.',
        items: fields.map(fieldLabel),
      };
    }
    case 'INELIGIBLE': {
      const reasons = Array.isArray(x.reasons) ? x.reasons : [];
      return { code: e.code, title: 'Người lao động không đủ điều kiện gia nhập công đoàn:', items: reasons.map((r) => labelOf(REASON_LABEL, r)) };
    }
    case 'CONFLICT':
      return opts.conflict
        ? { code: e.code, title: opts.conflict, items: [] }
        : { code: e.code, title: CONFLICT_TEXT, items: [], reload: true };
    case 'FORBIDDEN':
      return { code: e.code, title: 'Bạn không có quyền thực hiện thao tác này.', items: [] };
    case 'NOT_FOUND':
      return { code: e.code, title: 'Không tìm thấy dữ liệu, hoặc dữ liệu nằm ngoài phạm vi của bạn.', items: [] };
    case 'UNAUTHENTICATED':
      return { code: e.code, title: 'Phiên đăng nhập đã hết hạn — vui lòng đăng nhập lại.', items: [] };
    case 'TOO_MANY_REQUESTS':
      return { code: e.code, title: 'Thao tác quá nhiều lần, vui lòng thử lại sau ít phút.', items: [] };
    case 'NETWORK':
      return { code: e.code, title: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.', items: [] };
    default:
      return { code: e.code, title: 'Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.', items: [] };
  }
}

/** The fields a BAD_USER_INPUT error names (to mark the inputs). */
export function badFields(e: unknown): Set<string> {
  return new Set(e instanceof ApiError && e.code === 'BAD_USER_INPUT' && Array.isArray(e.extensions.fields) ? e.extensions.fields : []);
}

export function ErrorBox({ error, onReload, conflict }: { error: unknown; onReload?: () => void; conflict?: string }) {
  if (!error) return null;
  const v = describeError(error, { conflict });
  return (
    <div className="alert alert-error" role="alert" data-code={v.code}>
      <p className="alert-title">{v.title}</p>
      {v.items.length > 0 && (
        <ul>
          {v.items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
      {v.reload && onReload && (
        <button type="button" className="btn btn-secondary" onClick={onReload}>
          Tải lại hồ sơ
        </button>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-ok" role="status">
      {children}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Form fields: each with a visible label bound to its input

interface FieldBase {
  label: string;
  name: string;
  invalid?: Set<string>;
  hint?: string;
  required?: boolean;
}

function useFieldIds(name: string) {
  const id = useId();
  return { inputId: `${name}-${id}`, hintId: `${name}-${id}-hint` };
}

/** What every control of a labelled field carries: its id, name and the aria links to label and hint. */
interface ControlAttrs {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The label, the hint and the invalid state around one control. */
function Field(p: FieldBase & { control: (attrs: ControlAttrs) => ReactNode }) {
  const { inputId, hintId } = useFieldIds(p.name);
  const bad = p.invalid?.has(p.name);
  return (
    <div className={`field${bad ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>
        {p.label}
        {p.required && <span aria-hidden="true"> *</span>}
      </label>
      {p.control({ id: inputId, name: p.name, 'aria-invalid': bad || undefined, 'aria-describedby': p.hint ? hintId : undefined })}
      {p.hint && (
        <small id={hintId} className="hint">
          {p.hint}
        </small>
      )}
    </div>
  );
}

export function TextField(
  p: FieldBase & { value: string; onChange: (v: string) => void; type?: string; autoComplete?: string; placeholder?: string; inputMode?: 'numeric' | 'text' | 'email' },
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

export function CheckboxField(p: { label: string; name: string; checked: boolean; onChange: (v: boolean) => void; invalid?: Set<string> }) {
  const { inputId } = useFieldIds(p.name);
  const bad = p.invalid?.has(p.name);
  return (
    <div className={`field field-check${bad ? ' field-invalid' : ''}`}>
      <input id={inputId} name={p.name} type="checkbox" checked={p.checked} aria-invalid={bad || undefined} onChange={(e) => p.onChange(e.target.checked)} />
      <label htmlFor={inputId}>{p.label}</label>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// A form that runs one mutation: busy state, refusal shown in plain Vietnamese, success notice

export function ActionForm(props: {
  title: string;
  submitLabel: string;
  onSubmit: () => Promise<string | void>;
  children?: ReactNode;
  onReload?: () => void;
  conflict?: string;
  error?: unknown;
  setError?: (e: unknown) => void;
  className?: string;
  danger?: boolean;
  testId?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [ownError, setOwnError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const error = props.setError ? props.error : ownError;
  const setError = props.setError ?? setOwnError;
  const headingId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const msg = await props.onSubmit();
      if (msg) setDone(msg);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={`action-form ${props.className ?? ''}`} onSubmit={submit} aria-labelledby={headingId} data-testid={props.testId} noValidate>
      <h3 id={headingId}>{props.title}</h3>
      {props.children}
      <ErrorBox error={error} onReload={props.onReload} conflict={props.conflict} />
      {done && <Notice>{done}</Notice>}
      <div className="form-actions">
        <button type="submit" className={`btn ${props.danger ? 'btn-danger' : 'btn-primary'}`} disabled={busy} aria-busy={busy}>
          {busy ? 'Đang gửi…' : props.submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Form state helper: a record of strings/booleans with setters. */
export function useForm<T extends Record<string, string | boolean>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const set = useCallback(<K extends keyof T>(k: K) => (v: T[K]) => setValues((s) => ({ ...s, [k]: v })), []);
  const reset = useCallback(() => setValues(initial), [initial]);
  return { values, set, reset, setValues };
}

export const todayVn = (): string => fmtDate(vnToday());

/** A number typed in a form, or null when empty (the API then names the field). */
export function num(s: string | boolean): number | null {
  if (typeof s !== 'string' || s.trim() === '') return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : (s as unknown as number);
}

export const day = (s: string | boolean): string => parseVnDate(String(s));

export const lines = (s: string | boolean): string[] =>
  String(s)
    .split(/\r?\n|;/)
    .map((x) => x.trim())
    .filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Charts (plain SVG/CSS)

/** A horizontal progress bar of actual against target. */
export function ProgressBar(props: { label: string; actual: number | null; target: number | null; format?: (n: number | null) => string; testId?: string; unit?: string }) {
  const fmt = props.format ?? fmtNumber;
  const actual = props.actual ?? 0;
  const target = props.target;
  const max = Math.max(actual, target ?? 0, 1);
  const pctOfTarget = target ? Math.round((actual / target) * 100) : null;
  const reached = target != null && actual >= target;
  return (
    <div className="progress" data-testid={props.testId}>
      <div className="progress-head">
        <span className="progress-label">{props.label}</span>
        <span className="progress-figures">
          <strong data-testid={props.testId ? `${props.testId}-actual` : undefined}>{fmt(props.actual)}</strong>
          {' / '}
          <span data-testid={props.testId ? `${props.testId}-target` : undefined}>{target == null ? 'chưa đặt chỉ tiêu' : fmt(target)}</span>
          {props.unit ? ` ${props.unit}` : ''}
          {pctOfTarget != null && <span className="muted"> ({fmtNumber(pctOfTarget)}% chỉ tiêu)</span>}
        </span>
      </div>
      <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={`${props.label}: ${fmt(props.actual)} trên ${target == null ? 'chưa có chỉ tiêu' : fmt(target)}`}>
        <rect x="0" y="0" width="100" height="10" className="bar-track" />
        <rect x="0" y="0" width={(actual / max) * 100} height="10" className={target == null ? 'bar-fill bar-notarget' : reached ? 'bar-fill bar-done' : 'bar-fill'} />
        {target != null && <rect x={Math.min((target / max) * 100, 99.4)} y="0" width="0.6" height="10" className="bar-target" />}
      </svg>
    </div>
  );
}

/** Vertical bars of counts per label (e.g. cases per stage). */
export function ColumnChart(props: { data: { label: string; value: number; highlight?: number }[]; title: string }) {
  const max = Math.max(1, ...props.data.map((d) => d.value));
  return (
    <figure className="colchart">
      <figcaption>{props.title}</figcaption>
      <div className="colchart-bars" role="list">
        {props.data.map((d) => (
          <div className="colchart-item" role="listitem" key={d.label} aria-label={`${d.label}: ${fmtNumber(d.value)}`}>
            <span className="colchart-value">{fmtNumber(d.value)}</span>
            <div className="colchart-col">
              <div className="colchart-fill" style={{ height: `${(d.value / max) * 100}%` }}>
                {d.highlight ? <div className="colchart-overdue" style={{ height: `${(d.highlight / Math.max(d.value, 1)) * 100}%` }} /> : null}
              </div>
            </div>
            <span className="colchart-label">{d.label}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

// ---------------------------------------------------------------------------------------------
// Data loading

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (error) => mine === seq.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { ...state, reload: useCallback(() => setTick((t) => t + 1), []) };
}

export function Loading({ what = 'dữ liệu' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      Đang tải {what}…
    </p>
  );
}

export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page-title">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {sub && <p className="muted">{sub}</p>}
    </div>
  );
}

export function Disclosure({ summary, children, open, testId }: { summary: string; children: ReactNode; open?: boolean; testId?: string }) {
  return (
    <details className="disclosure" open={open} data-testid={testId}>
      <summary>{summary}</summary>
      <div className="disclosure-body">{children}</div>
    </details>
  );
}
