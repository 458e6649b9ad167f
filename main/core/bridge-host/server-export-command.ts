/**
 * Server mode's hand-over: one file with the bridge configuration (listener as set up, the connection's account)
 * and the mailbox's sign-in sealed under a new local password. That password is the file's passphrase and
 * agorum core's E-Mail-Passwort on the server; it is returned once and replaces the connection's local password
 * (a bridge here then refuses the old one). Written owner-only and atomically; never logged.
 */
import path from 'node:path';

import type { BridgeServerExport } from '@shared/ipc/channels/bridge';
import { AppError } from '@shared/ipc/result';

import { generatePassword } from '../bridge/local-password';
import { createServerExport, ServerExportError } from '../bridge/server-export';
import type { Platform } from '../platform';
import { writeFileAtomic } from '../store/atomic-file';
import type { BridgeHost, ChangeQueue } from './bridge-host';
import { BRIDGE_ACCOUNT_ID, listenOf } from './engine-config';

export interface ServerExportDeps {
  host: BridgeHost;
  change: () => ChangeQueue;
  platform: Pick<Platform, 'chooseSavePath' | 'runtime'>;
  cacheSlot: (profileId: string) => { read(): Promise<string | null> };
  now?: () => Date;
}

const fileNameFor = (displayName: string) =>
  `mailadapter-bridge-${
    displayName
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 40) || 'connection'
  }.json`;

export function createServerExportCommand(deps: ServerExportDeps) {
  const now = deps.now ?? (() => new Date());

  return async function exportServer(profileId: string, givenPath?: string): Promise<BridgeServerExport> {
    const { host } = deps;
    const bridge = host.stored(profileId);
    const config = host.configOf(profileId, { ...bridge, passwordHash: bridge.passwordHash ?? PLACEHOLDER_HASH });
    const account = config.accounts[0]!;
    const cache = await deps.cacheSlot(profileId).read();
    if (!cache)
      throw new AppError('BRIDGE_NOT_SIGNED_IN', 'Sign in as the mailbox user first: the file carries that sign-in.');
    if (givenPath !== undefined && deps.platform.runtime === 'electron') {
      throw new AppError('EXPORT_PATH_NOT_ALLOWED', 'The desktop app asks where to save the file.');
    }
    if (
      givenPath !== undefined &&
      (!path.isAbsolute(givenPath) || !givenPath.endsWith('.json') || givenPath.includes('\0'))
    ) {
      throw new AppError('EXPORT_PATH_INVALID', 'The bridge file must be saved as a .json file with an absolute path.');
    }
    const fileName = fileNameFor(host.displayName(profileId));
    const target =
      givenPath ?? (await deps.platform.chooseSavePath(fileName, [{ name: 'JSON', extensions: ['json'] }]));
    if (!target) return { view: await deps.change()(), cancelled: true, path: null, fileName, passphrase: null };

    const passphrase = generatePassword();
    let made: Awaited<ReturnType<typeof createServerExport>>;
    try {
      made = await createServerExport({
        account: {
          id: BRIDGE_ACCOUNT_ID,
          mailbox: account.mailbox,
          upstream: account.upstream,
          oauth: account.oauth,
        },
        password: passphrase,
        msalCache: cache,
        listen: listenOf(bridge),
      });
    } catch (err) {
      if (err instanceof ServerExportError) throw new AppError('BRIDGE_EXPORT_FAILED', err.message);
      throw err;
    }
    try {
      writeFileAtomic(target, made.text, 0o600);
    } catch (err) {
      throw new AppError(
        'EXPORT_WRITE_FAILED',
        `The bridge file could not be written (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
    }
    const view = await deps.change()(() =>
      host.adoptPassword(profileId, made.config.accounts[0]!.passwordHash, passphrase, now()),
    );
    return { view, cancelled: false, path: target, fileName, passphrase };
  };
}

/** Only to validate the rest of the configuration before a password exists; never stored or exported. */
const PLACEHOLDER_HASH = `scrypt$32768$8$1$${'A'.repeat(22)}==$${'A'.repeat(43)}=`;
