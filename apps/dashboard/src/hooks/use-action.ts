import { useCallback, useState } from 'react';

export interface ActionHandle<Args extends unknown[], Result> {
  /** Runs the action; resolves with its result, or undefined when it failed (the error is in `error`). */
  run: (...args: Args) => Promise<Result | undefined>;
  pending: boolean;
  error: Error | undefined;
  reset: () => void;
}

/** A write (create, change, revoke) with its pending state and last error, for forms and buttons. */
export function useAction<Args extends unknown[], Result>(action: (...args: Args) => Promise<Result>): ActionHandle<Args, Result> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);

  const run = useCallback(
    async (...args: Args) => {
      setPending(true);
      setError(undefined);
      try {
        return await action(...args);
      } catch (caught) {
        setError(caught instanceof Error ? caught : new Error(String(caught)));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [action],
  );
  const reset = useCallback(() => setError(undefined), []);
  return { run, pending, error, reset };
}
