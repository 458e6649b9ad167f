/**
 * Sets the label of our Secret Service items (Linux), which @napi-rs/keyring fixes at `keyring:<account>@<service>`
 * and offers no way to change. The Secret Service API allows it: `Item.Label` is a writable property. We set it
 * over the session bus with `dbus-send` (part of D-Bus itself, so present wherever a Secret Service runs), found by
 * the same `service` + `username` attributes the library looks items up by. Best effort: any failure (no dbus-send,
 * locked item, a service that refuses) leaves the library's label, and nothing else depends on it.
 */
import { execFile } from 'node:child_process';

const DEST = '--dest=org.freedesktop.secrets';

export type LabelRunner = (args: string[]) => Promise<string>;

const runDbusSend =
  (timeoutMs: number): LabelRunner =>
  (args) =>
    new Promise((resolve, reject) => {
      execFile('dbus-send', ['--session', '--print-reply', DEST, ...args], { timeout: timeoutMs }, (err, stdout) =>
        err ? reject(err) : resolve(stdout),
      );
    });

/** Object paths in dbus-send's printed reply (both the unlocked and the locked array). */
export const objectPathsIn = (reply: string): string[] =>
  [...reply.matchAll(/object path "([^"]+)"/g)].map((m) => m[1]!).filter((p) => p !== '/');

export function createSecretServiceLabeller(
  service: string,
  opts: { timeoutMs?: number; run?: LabelRunner } = {},
): (account: string, label: string) => Promise<boolean> {
  const run = opts.run ?? runDbusSend(opts.timeoutMs ?? 3000);
  return async (account, label) => {
    // dbus-send splits dictionary text at commas; our service and account names never contain one.
    if (service.includes(',') || account.includes(',')) return false;
    try {
      const reply = await run([
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.SearchItems',
        `dict:string:string:service,${service},username,${account}`,
      ]);
      const paths = objectPathsIn(reply);
      for (const item of paths) {
        await run([
          item,
          'org.freedesktop.DBus.Properties.Set',
          'string:org.freedesktop.Secret.Item',
          'string:Label',
          `variant:string:${label}`,
        ]);
      }
      return paths.length > 0;
    } catch {
      return false;
    }
  };
}
