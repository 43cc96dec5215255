import { ReactNode, useEffect, useRef } from 'react';
import { productName } from '../product';

// The pieces every page is made of.

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

/** The app's name and logo, over a line about where you are (the top bar, the login card). */
export function Brand({ sub, large }: { sub: ReactNode; large?: boolean }) {
  return (
    <div className={large ? 'brand brand-large' : 'brand'}>
      <span className="brand-logo" aria-hidden="true">
        CĐ
      </span>
      <span>
        <strong data-testid="product-name">{productName()}</strong>
        <small>{sub}</small>
      </span>
    </div>
  );
}
