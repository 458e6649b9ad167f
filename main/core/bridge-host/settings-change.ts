/**
 * What the admin's bridge setup makes of the saved settings: omitted fields keep their value, a Server-Typ change
 * without a TLS choice takes the transport that type needs, and the result must pass the same schema the file
 * does — otherwise nothing changes and the refusal names each field by its code.
 */
import { type BridgeSetup, type StoredBridge, storedBridgeSchema } from '@shared/bridge/host-settings';
import { AppError } from '@shared/ipc/result';

export function settingsAfter(current: StoredBridge, setup: BridgeSetup, at: string): StoredBridge {
  const next = { ...current, ...setup, updatedAt: at };
  if (setup.serverType && !setup.tls) {
    if (setup.serverType === 'imaps') next.tls = 'implicit';
    else if (current.tls === 'implicit') next.tls = 'none';
  }
  const checked = storedBridgeSchema.safeParse(next);
  if (checked.success) return checked.data;
  const issues = checked.error.issues.map((i) => ({ path: i.path.join('.'), code: i.message }));
  throw new AppError('INPUT_INVALID', `The bridge settings were not saved: ${issues.map((i) => i.code).join(', ')}.`, {
    issues,
  });
}
