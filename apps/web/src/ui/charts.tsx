import { fmtNumber } from '../i18n';

// Charts in plain SVG/CSS.

/** A horizontal progress bar of actual against target. */
export function ProgressBar(props: {
  label: string;
  actual: number | null;
  target: number | null;
  format?: (n: number | null) => string;
  testId?: string;
  unit?: string;
  /** Says the figures instead of "actual / target (n% chỉ tiêu)", e.g. for a percent against a target percent. */
  text?: string;
}) {
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
        {props.text !== undefined ? (
          <span className="progress-figures" data-testid={props.testId ? `${props.testId}-text` : undefined}>
            {props.text}
          </span>
        ) : (
          <span className="progress-figures">
            <strong data-testid={props.testId ? `${props.testId}-actual` : undefined}>{fmt(props.actual)}</strong>
            {' / '}
            <span data-testid={props.testId ? `${props.testId}-target` : undefined}>{target == null ? 'chưa đặt chỉ tiêu' : fmt(target)}</span>
            {props.unit ? ` ${props.unit}` : ''}
            {pctOfTarget != null && <span className="muted"> ({fmtNumber(pctOfTarget)}% chỉ tiêu)</span>}
          </span>
        )}
      </div>
      <svg
        className="bar"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${props.label}: ${fmt(props.actual)} trên ${target == null ? 'chưa có chỉ tiêu' : fmt(target)}`}
      >
        <rect x="0" y="0" width="100" height="10" className="bar-track" />
        <rect
          x="0"
          y="0"
          width={(actual / max) * 100}
          height="10"
          className={target == null ? 'bar-fill bar-notarget' : reached ? 'bar-fill bar-done' : 'bar-fill'}
        />
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
