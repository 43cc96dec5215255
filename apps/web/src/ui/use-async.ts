import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Data loaded when `deps` change, or on `reload()`. A late answer of an older load is dropped.
 *
 * `subject` (default: all of `deps`) names what the data is of: a unit, a year, a case. Data of another subject is
 * never returned, not even while the new one loads, so a page never shows (or lets a form save into) last year's
 * budget under this year's heading. A change of the other deps (a filter, a page, a version) keeps the data shown so
 * far until the new answer comes; so does a reload, and an error of the same subject.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: unknown[],
  opts: { subject?: unknown[] } = {},
): { data: T | null; error: unknown; loading: boolean; reload: () => void } {
  const subject = JSON.stringify(opts.subject ?? deps);
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean; subject: string }>({
    data: null,
    error: null,
    loading: true,
    subject,
  });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false, subject }),
      (error) => mine === seq.current && setState((s) => ({ data: s.subject === subject ? s.data : null, error, loading: false, subject })),
    );
  }, [...deps, tick]);
  const current = state.subject === subject;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: state.loading || !current,
    reload: useCallback(() => setTick((t) => t + 1), []),
  };
}
