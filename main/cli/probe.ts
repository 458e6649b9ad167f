/**
 * Command-line connection test for support engineers, automation and tests:
 *   MAILADAPTER_PASSWORD=… npm run probe -- --host outlook.office365.com --user anna@contoso.de [--json]
 * Exit 0 when the test passed, 1 for any other result (INPUT_INVALID included), 2 for a usage error.
 */
import { readFileSync } from 'node:fs';

import { probe } from '../core/imap/probe';
import { diagnose } from '../shared/diagnosis/diagnose';
import type { Credential } from '../shared/probe/settings';
import { translator } from '../shared/text/translator';
import { type CliOptions, localeLanguage, parseCliArgs, UsageError, usageLanguage } from './probe-args';
import { formatReport } from './probe-format';
import { promptHidden } from './secret-prompt';

async function credentialFor(options: CliOptions): Promise<Credential | undefined> {
  if (options.networkOnly) return undefined;
  if (options.auth === 'xoauth2') {
    const token = process.env.MAILADAPTER_ACCESS_TOKEN;
    return token === undefined ? undefined : { kind: 'xoauth2', accessToken: token };
  }
  const fromEnv = process.env.MAILADAPTER_PASSWORD;
  if (fromEnv !== undefined) return { kind: 'password', password: fromEnv };
  if (!process.stdin.isTTY) return undefined;
  const typed = await promptHidden(translator(options.language).t('cli:passwordPrompt'));
  if (typed === undefined) process.exit(130);
  return { kind: 'password', password: typed };
}

async function main(): Promise<number> {
  let options: CliOptions;
  let ca: string[] | undefined;
  try {
    options = parseCliArgs(process.argv.slice(2), process.env);
    if (options.caFile !== undefined) {
      try {
        ca = [readFileSync(options.caFile, 'utf8')];
      } catch {
        throw new UsageError({ key: 'cli:error.caUnreadable', values: { file: options.caFile } });
      }
    }
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const tr = translator(usageLanguage(process.argv.slice(2), process.env));
    const text = err.text && ('key' in err.text ? tr.t(err.text.key, err.text.values) : err.text.raw);
    if (text) process.stderr.write(`${text}\n\n`);
    process.stderr.write(`${tr.t('cli:usage')}\n`);
    return 2;
  }

  const credential = await credentialFor(options);
  if (!credential && !options.networkOnly) {
    const tr = translator(options.language);
    process.stderr.write(`${tr.t(options.auth === 'xoauth2' ? 'cli:noToken' : 'cli:noPassword')}\n`);
  }
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const report = await probe(
    {
      host: options.host,
      port: options.port,
      security: options.security,
      user: options.user,
      networkOnly: options.networkOnly,
      ...(credential ? { credential } : {}),
    },
    {
      signal: controller.signal,
      ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
      ...(ca ? { ca } : {}),
    },
  );
  process.off('SIGINT', onSigint);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    process.stdout.write(
      formatReport(report, diagnose(report, { language: options.language, now: new Date() }), options.language),
    );
  }
  return report.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // An internal fault; its message comes from our own code and carries no secret.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${translator(localeLanguage(process.env)).t('cli:internalError', { message })}\n`);
    process.exitCode = 1;
  },
);
