import { parseArgs } from 'node:util';

import type { Language } from '../shared/diagnosis/types';

export const USAGE = `Usage: npm run probe -- --host HOST [--port 993] [--security tls|starttls] --user USER
                         [--timeout SECONDS] [--ca FILE] [--json] [--lang de|en] [--network-only]
                         [--auth password|xoauth2]

The password is read from the environment variable MAILADAPTER_PASSWORD or, when stdin is a terminal, from a
hidden prompt — never from the command line. With --auth xoauth2 the access token comes from
MAILADAPTER_ACCESS_TOKEN. NODE_EXTRA_CA_CERTS and --ca add trust anchors.
Exit code: 0 when the test passed, 1 for any other result, 2 for a usage error.`;

export interface CliOptions {
  host: string;
  port?: string;
  security?: string;
  user?: string;
  deadlineMs?: number;
  caFile?: string;
  json: boolean;
  language: Language;
  networkOnly: boolean;
  auth: 'password' | 'xoauth2';
}

export class UsageError extends Error {}

/** German when the locale says so (LC_ALL, LC_MESSAGES, LANG, then the runtime's), else English. */
export function localeLanguage(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^de/i.test(locale) ? 'de' : 'en';
}

const MAX_TIMEOUT_SECONDS = 600;

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  if (argv.some((a) => /^(-p|--pass(word)?|--token|--access-token)(=|$)/.test(a))) {
    throw new UsageError(
      'Secrets are never taken from the command line; set MAILADAPTER_PASSWORD or answer the prompt.',
    );
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        security: { type: 'string' },
        user: { type: 'string' },
        timeout: { type: 'string' },
        ca: { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        'network-only': { type: 'boolean', default: false },
        auth: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) throw new UsageError('');
  if (values.host === undefined) throw new UsageError('--host is required.');
  const networkOnly = values['network-only'] === true;
  if (values.user === undefined && !networkOnly)
    throw new UsageError('--user is required (except with --network-only).');
  if (values.lang !== undefined && values.lang !== 'de' && values.lang !== 'en')
    throw new UsageError('--lang must be de or en.');
  if (values.auth !== undefined && values.auth !== 'password' && values.auth !== 'xoauth2') {
    throw new UsageError('--auth must be password or xoauth2.');
  }
  let deadlineMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
      throw new UsageError(`--timeout must be a number of seconds between 0 and ${MAX_TIMEOUT_SECONDS}.`);
    }
    deadlineMs = Math.round(seconds * 1000);
  }
  return {
    host: values.host,
    ...(values.port !== undefined ? { port: values.port } : {}),
    ...(values.security !== undefined ? { security: values.security } : {}),
    ...(values.user !== undefined ? { user: values.user } : {}),
    ...(deadlineMs !== undefined ? { deadlineMs } : {}),
    ...(values.ca !== undefined ? { caFile: values.ca } : {}),
    json: values.json === true,
    language: (values.lang as Language | undefined) ?? localeLanguage(env),
    networkOnly,
    auth: (values.auth as CliOptions['auth'] | undefined) ?? 'password',
  };
}
