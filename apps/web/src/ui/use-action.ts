import { useState } from 'react';

/** Where an action's error is kept: its own, or a form's (whose fields it then marks); `check`: the form's rules across fields. */
export interface ErrorState {
  error: unknown;
  setError: (e: unknown) => void;
  check?: () => Record<string, string | undefined>;
}

/**
 * An async action as the user sees it: which run is busy (`true`, or a key such as the item or the
 * file being fetched), the error it ended with, and the message it finished with. A run clears both
 * first; `work` may return the message to show. `fail` ends without running (a refusal found before sending).
 */
export function useAction<K = true>(errors?: ErrorState) {
  const [busy, setBusy] = useState<K | null>(null);
  const [ownError, setOwnError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const { error, setError } = errors ?? { error: ownError, setError: setOwnError };
  const run = async (key: K, work: () => Promise<string | void>): Promise<void> => {
    setBusy(key);
    setError(null);
    setDone(null);
    try {
      const message = await work();
      if (message) setDone(message);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const fail = (e: unknown): void => {
    setDone(null);
    setError(e);
  };
  return { busy, error, done, run, fail };
}
