/**
 * The common ground of both command lines: node's own parser, strict, flags only, `-h`/`--help`; and a secret given
 * as a flag refused before anything is parsed, so that no message can echo it back. Each command line words its
 * own usage errors.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export type FlagProblem = { kind: 'secret-in-args' } | { kind: 'invalid'; message: string } | { kind: 'help' };

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

export function readFlags<O extends Options>(
  args: string[],
  options: O,
  secretFlag: RegExp,
  usageError: (problem: FlagProblem) => Error,
) {
  if (args.some((a) => secretFlag.test(a))) throw usageError({ kind: 'secret-in-args' });
  let values;
  try {
    ({ values } = parseArgs({ args, strict: true, allowPositionals: false, options: { ...options, ...HELP } }));
  } catch (err) {
    throw usageError({ kind: 'invalid', message: (err as Error).message });
  }
  if ('help' in values && values.help) throw usageError({ kind: 'help' });
  return values;
}
