import type { Result } from '@shared/ipc/result';

import { reportError } from '../app/status';

/**
 * Awaits a contract call and hands back the Result unchanged; failures are also reported to the status line.
 * A transport fault (bridge missing, harness gone) becomes a Result too, so callers handle one shape.
 */
export async function call<T>(run: () => Promise<Result<T>>, opts: { quiet?: boolean } = {}): Promise<Result<T>> {
  let result: Result<T>;
  try {
    result = await run();
  } catch (err) {
    result = { ok: false, error: { code: 'TRANSPORT', message: err instanceof Error ? err.message : String(err) } };
  }
  if (!result.ok && !opts.quiet) reportError(result.error);
  return result;
}
