/**
 * Headless bridge for servers without a desktop (what systemd or a Windows service wrapper runs):
 *   npm run bridge -- --config /var/lib/mailadapter-bridge/bridge.json
 * or, for support and tests, from the environment alone (secrets never in argv):
 *   MAILADAPTER_BRIDGE_PASSWORD=… MAILADAPTER_REFRESH_TOKEN=… npm run bridge -- --listen 127.0.0.1:1143 --user …
 * Logs go to stderr (the journal), one redacted line each. SIGTERM/SIGINT: stop listening, let sessions finish
 * within limits.shutdownSeconds, exit 0. SIGHUP: reload the accounts from the configuration file.
 */
import { readFileSync, writeFileSync } from 'node:fs';

import { type Bridge, BridgeStartError, createBridge } from '../core/bridge/bridge';
import { ConfigFileError, listenerCertificate, loadConfigFile } from '../core/bridge/config-file';
import { generatePassword, hashPassword } from '../core/bridge/local-password';
import { acquireByRefreshToken } from '../core/bridge/refresh-bootstrap';
import { createServerExport } from '../core/bridge/server-export';
import { systemdUnit } from '../core/bridge/systemd-unit';
import { memoryTokenStore, sealedFileTokenStore } from '../core/bridge/token-store';
import { formatLogLine } from '../core/log/file-logger';
import { levelEnabled, type Logger, type LogLevel } from '../core/log/logger';
import { type BridgeConfig, CONFIG_FORMAT, listenPort, parseBridgeConfig } from '../shared/bridge/config';
import { type BridgeCommand, parseBridgeArgs, USAGE, UsageError } from './bridge-args';

const PASSWORD_ENV = 'MAILADAPTER_BRIDGE_PASSWORD';
const REFRESH_ENV = 'MAILADAPTER_REFRESH_TOKEN';

/** Reads a secret from the environment and removes it there, so nothing this process starts inherits it. */
function takeSecret(name: string): string | undefined {
  const value = process.env[name];
  delete process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

function stderrLogger(
  known: string[],
  level: LogLevel = (process.env.MAILADAPTER_LOG_LEVEL as LogLevel | undefined) ?? 'info',
  scope?: string,
): Logger {
  const write =
    (lvl: LogLevel) =>
    (message: string, ...details: unknown[]) => {
      if (!levelEnabled(level, lvl)) return;
      process.stderr.write(
        `${formatLogLine({ data: [message, ...details], date: new Date(), level: lvl, ...(scope ? { scope } : {}) }, { known })}\n`,
      );
    };
  return {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: (s) => stderrLogger(known, level, scope ? `${scope}.${s}` : s),
  };
}

/** `https://host/tenant` or `https://host` plus --tenant → the account's oauth block. */
function oauthFrom(authority: string, clientId: string, tenant: string | undefined) {
  let url: URL;
  try {
    url = new URL(authority);
  } catch {
    throw new UsageError('--authority must be an https URL such as https://login.microsoftonline.com/<tenant>.');
  }
  const fromPath = url.pathname.split('/').filter(Boolean)[0];
  const t = tenant ?? fromPath;
  if (!t) throw new UsageError('--tenant is required when --authority has no tenant in its path.');
  return { authority: url.origin, tenant: t, clientId };
}

function readCa(file: string | undefined): string[] | undefined {
  if (file === undefined) return undefined;
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    throw new UsageError(`--ca: cannot read ${file}`);
  }
}

function validated(document: unknown): BridgeConfig {
  const parsed = parseBridgeConfig(document);
  if (!parsed.ok) throw new UsageError(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.config;
}

async function runForeground(bridge: Bridge, config: BridgeConfig, log: Logger, reload?: () => void): Promise<number> {
  try {
    await bridge.start();
  } catch (err) {
    if (err instanceof BridgeStartError) {
      process.stderr.write(`${err.code}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  bridge.on('bridgeNeedsSignIn', (e) =>
    log.warn(`${e.mailbox} needs a new sign-in (${e.diagnosisCode}); logins are refused until then`),
  );
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info(`${signal}: stopping (open sessions get ${config.limits.shutdownSeconds} s)`);
      void bridge.stop().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    if (reload) process.on('SIGHUP', reload);
  });
}

async function run(command: BridgeCommand): Promise<number> {
  if (command.kind === 'systemd-unit') {
    process.stdout.write(systemdUnit({ port: listenPort(loadConfigFile(command.file).listen) }));
    return 0;
  }
  if (command.kind === 'config') {
    const config = loadConfigFile(command.file);
    const log = stderrLogger([]);
    const certificate = listenerCertificate(config, command.file);
    const bridge = createBridge(config, {
      tokenStore: sealedFileTokenStore(command.file),
      log,
      ...(certificate ? { certificate } : {}),
    });
    const reload = () => {
      try {
        bridge.reloadAccounts(loadConfigFile(command.file).accounts);
        log.info('SIGHUP: accounts reloaded');
      } catch (err) {
        log.error(`SIGHUP: configuration refused, keeping the running one. ${(err as Error).message}`);
      }
    };
    return runForeground(bridge, config, log, reload);
  }
  const refreshToken = takeSecret(REFRESH_ENV);
  if (!refreshToken) throw new UsageError(`${REFRESH_ENV} must hold the mailbox's refresh token.`);
  const oauth = oauthFrom(command.authority, command.clientId, command.tenant);
  const ca = readCa(command.caFile);
  if (command.kind === 'export') {
    const given = takeSecret(PASSWORD_ENV);
    const password = given ?? generatePassword();
    const log = stderrLogger([password, refreshToken]);
    const msalCache = await acquireByRefreshToken({ ...oauth, mailbox: command.user, refreshToken, log });
    const { text } = await createServerExport({
      account: {
        id: 'mailbox',
        mailbox: command.user,
        ...(command.upstream ? { upstream: command.upstream } : {}),
        oauth,
      },
      password,
      msalCache,
      listen: {
        ...(command.listen ? { host: command.listen.host, port: command.listen.port } : {}),
        ...(command.serverType
          ? {
              serverType: command.serverType,
              ...(command.serverType === 'imaps' ? { tls: { mode: 'implicit' as const } } : {}),
            }
          : {}),
      },
    });
    writeFileSync(command.out, text, { mode: 0o600 });
    process.stderr.write(`Wrote ${command.out} (mode 0600).\n`);
    if (given === undefined) process.stdout.write(`Local password for the mail adapter (shown once): ${password}\n`);
    return 0;
  }
  const password = takeSecret(PASSWORD_ENV);
  if (!password) throw new UsageError(`${PASSWORD_ENV} must hold the local password the client will use.`);
  const log = stderrLogger([password, refreshToken]);
  const config = validated({
    format: CONFIG_FORMAT,
    version: 1,
    listen: { host: command.listen.host, port: command.listen.port },
    accounts: [
      {
        id: 'env',
        mailbox: command.user,
        upstream: command.upstream,
        oauth,
        passwordHash: await hashPassword(password),
      },
    ],
  });
  const bridge = createBridge(config, {
    tokenStore: memoryTokenStore({ env: refreshToken }),
    log,
    ...(ca ? { upstreamCa: ca } : {}),
  });
  return runForeground(bridge, config, log);
}

async function main(): Promise<number> {
  try {
    return await run(parseBridgeArgs(process.argv.slice(2)));
  } catch (err) {
    if (err instanceof UsageError) {
      if (err.message) process.stderr.write(`${err.message}\n\n`);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (err instanceof ConfigFileError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    process.stderr.write(`The bridge failed: ${(err as Error).message}\n`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
