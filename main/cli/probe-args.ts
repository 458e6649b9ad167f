import type { TextKey } from '../shared/text/keys';
import type { Language } from '../shared/text/resources';
import type { TextValues } from '../shared/text/translator';
import { type FlagProblem, readFlags } from './flags';

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

/** A usage problem: a catalogue text (`cli:error.*`) or, from node's own argument parser, its English message. */
export class UsageError extends Error {
  constructor(readonly text: { key: TextKey; values?: TextValues } | { raw: string } | null) {
    super(text && 'key' in text ? text.key : (text?.raw ?? ''));
  }
}

/** German when the locale says so (LC_ALL, LC_MESSAGES, LANG, then the runtime's), else English. */
export function localeLanguage(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^de/i.test(locale) ? 'de' : 'en';
}

/** The language to explain a usage error in, before the arguments are known to be valid. */
export function usageLanguage(argv: string[], env: NodeJS.ProcessEnv): Language {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  return value === 'de' || value === 'en' ? value : localeLanguage(env);
}

const MAX_TIMEOUT_SECONDS = 600;

const SECRET_FLAG = /^(-p|--pass(word)?|--token|--access-token)(=|$)/;

const probeUsageError = (problem: FlagProblem): UsageError =>
  new UsageError(
    problem.kind === 'secret-in-args'
      ? { key: 'cli:error.secretInArgs' }
      : problem.kind === 'invalid'
        ? { raw: problem.message }
        : null,
  );

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const values = readFlags(
    argv,
    {
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
    },
    SECRET_FLAG,
    probeUsageError,
  );
  if (values.host === undefined) throw new UsageError({ key: 'cli:error.hostRequired' });
  const networkOnly = values['network-only'] === true;
  if (values.user === undefined && !networkOnly) throw new UsageError({ key: 'cli:error.userRequired' });
  if (values.lang !== undefined && values.lang !== 'de' && values.lang !== 'en')
    throw new UsageError({ key: 'cli:error.lang' });
  if (values.auth !== undefined && values.auth !== 'password' && values.auth !== 'xoauth2') {
    throw new UsageError({ key: 'cli:error.auth' });
  }
  let deadlineMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
      throw new UsageError({ key: 'cli:error.timeout', values: { max: MAX_TIMEOUT_SECONDS } });
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
