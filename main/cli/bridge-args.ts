import { type FlagProblem, readFlags } from './flags';

export const USAGE = `Usage:
  npm run bridge -- --config FILE
      Runs the bridge in the foreground (what a service manager starts). SIGTERM stops it, SIGHUP reloads accounts.
  MAILADAPTER_BRIDGE_PASSWORD=… MAILADAPTER_REFRESH_TOKEN=… npm run bridge -- --listen 127.0.0.1:PORT --user MAILBOX
      --upstream HOST:PORT --authority URL --client-id ID [--tenant T] [--ca FILE]
      Env-only start for support and tests; the refresh token stays in memory.
  MAILADAPTER_REFRESH_TOKEN=… npm run bridge -- export --out FILE --user MAILBOX --authority URL --client-id ID
      [--tenant T] [--upstream HOST:PORT] [--listen HOST:PORT] [--server-type imap|imaps]
      Writes a server configuration with the sealed token. The local password comes from MAILADAPTER_BRIDGE_PASSWORD
      or is generated and printed once.
  npm run bridge -- systemd-unit --config FILE
      Prints the systemd unit for that configuration.

Secrets are read from the environment only, never from the command line.
Exit code: 0 after a clean stop, 1 on a runtime failure, 2 for a usage or configuration error.`;

export class UsageError extends Error {}

export interface HostPort {
  host: string;
  port: number;
}

export type BridgeCommand =
  | { kind: 'config'; file: string }
  | {
      kind: 'env';
      listen: HostPort;
      user: string;
      upstream: HostPort;
      authority: string;
      clientId: string;
      tenant?: string;
      caFile?: string;
    }
  | {
      kind: 'export';
      out: string;
      user: string;
      authority: string;
      clientId: string;
      tenant?: string;
      upstream?: HostPort;
      listen?: HostPort;
      serverType?: 'imap' | 'imaps';
      caFile?: string;
    }
  | { kind: 'systemd-unit'; file: string };

export function hostPort(value: string, flag: string): HostPort {
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(value);
  const port = Number(m?.[2]);
  if (!m || !m[1] || !Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`${flag} must be HOST:PORT, e.g. 127.0.0.1:1143.`);
  return { host: m[1], port };
}

function need<T>(value: T | undefined, flag: string): T {
  if (value === undefined) throw new UsageError(`${flag} is required.`);
  return value;
}

const SECRET_FLAG = /^--(pass(word)?|token|refresh-token|secret)(=|$)/;

function bridgeUsageError(problem: FlagProblem): UsageError {
  if (problem.kind === 'secret-in-args') {
    return new UsageError(
      'Secrets are never taken from the command line; use MAILADAPTER_BRIDGE_PASSWORD and MAILADAPTER_REFRESH_TOKEN.',
    );
  }
  return new UsageError(problem.kind === 'invalid' ? problem.message : '');
}

export function parseBridgeArgs(argv: string[]): BridgeCommand {
  const [first, ...rest] = argv;
  const sub = first === 'export' || first === 'systemd-unit' ? first : undefined;
  const values = readFlags(
    sub ? rest : argv,
    {
      config: { type: 'string' },
      listen: { type: 'string' },
      user: { type: 'string' },
      upstream: { type: 'string' },
      authority: { type: 'string' },
      'client-id': { type: 'string' },
      tenant: { type: 'string' },
      ca: { type: 'string' },
      out: { type: 'string' },
      'server-type': { type: 'string' },
    },
    SECRET_FLAG,
    bridgeUsageError,
  );
  const optional = {
    ...(values.tenant !== undefined ? { tenant: values.tenant } : {}),
    ...(values.ca !== undefined ? { caFile: values.ca } : {}),
  };
  if (sub === 'systemd-unit') return { kind: 'systemd-unit', file: need(values.config, '--config') };
  if (sub === 'export') {
    const st = values['server-type'];
    if (st !== undefined && st !== 'imap' && st !== 'imaps')
      throw new UsageError('--server-type must be imap or imaps.');
    return {
      kind: 'export',
      out: need(values.out, '--out'),
      user: need(values.user, '--user'),
      authority: need(values.authority, '--authority'),
      clientId: need(values['client-id'], '--client-id'),
      ...optional,
      ...(values.upstream !== undefined ? { upstream: hostPort(values.upstream, '--upstream') } : {}),
      ...(values.listen !== undefined ? { listen: hostPort(values.listen, '--listen') } : {}),
      ...(st ? { serverType: st } : {}),
    };
  }
  if (values.config !== undefined) {
    const extra = ['listen', 'user', 'upstream', 'authority', 'client-id', 'tenant', 'ca'].filter(
      (k) => (values as Record<string, unknown>)[k] !== undefined,
    );
    if (extra.length)
      throw new UsageError(`--config cannot be combined with ${extra.map((k) => `--${k}`).join(', ')}.`);
    return { kind: 'config', file: values.config };
  }
  if (values.listen === undefined && values.user === undefined)
    throw new UsageError('Give --config FILE, or the env-only flags (--listen, --user, ...).');
  return {
    kind: 'env',
    listen: hostPort(need(values.listen, '--listen'), '--listen'),
    user: need(values.user, '--user'),
    upstream: hostPort(need(values.upstream, '--upstream'), '--upstream'),
    authority: need(values.authority, '--authority'),
    clientId: need(values['client-id'], '--client-id'),
    ...optional,
  };
}
