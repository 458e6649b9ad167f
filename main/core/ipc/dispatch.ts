import { type ChannelName, contract, isChannelName } from '@shared/ipc/contract';
import { AppError, fail, ok, type Result } from '@shared/ipc/result';

import type { HandlerContext, Handlers } from './handlers';

/**
 * Transport-independent request handling, shared by Electron's ipcMain wiring and the browser harness:
 * unknown channel → UNKNOWN_CHANNEL, schema failure → INPUT_INVALID, thrown AppError → its code,
 * anything else → INTERNAL. It never throws, so a bad request can never take the process down.
 */
export async function dispatch(
  handlers: Handlers,
  channelName: unknown,
  rawInput: unknown,
  ctx: HandlerContext,
  onInternalError: (err: unknown, channel: string) => void = () => {},
): Promise<Result<unknown>> {
  if (!isChannelName(channelName)) {
    return fail('UNKNOWN_CHANNEL', `Unknown channel: ${String(channelName).slice(0, 80)}`);
  }
  const name: ChannelName = channelName;
  const parsed = contract[name].input.safeParse(rawInput);
  if (!parsed.success) {
    return fail('INPUT_INVALID', `Invalid input for ${name}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
    return ok(await handler(parsed.data, ctx));
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message, err.details);
    onInternalError(err, name);
    return fail('INTERNAL', `The operation ${name} failed unexpectedly.`);
  }
}
