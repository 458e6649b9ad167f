/**
 * What happens when main hits an uncaught exception or an unhandled rejection, without Electron: log it
 * (redacted), write an emergency support bundle, and tell the user where it is. The Electron edge wires it to
 * `process.on(...)` and a native dialog. It never throws — a throw here would end the process.
 */
import type { Language } from '@shared/ipc/channels/app';
import { translator } from '@shared/text/translator';

import type { Logger } from '../log/logger';
import { redactText } from '../log/redact';

/** `rendererCrashLoop`: the window's page kept crashing and is no longer reloaded. */
export type CrashKind = 'uncaughtException' | 'unhandledRejection' | 'rendererCrashLoop';

export interface CrashDialog {
  title: string;
  message: string;
  detail: string;
  bundlePath?: string;
  buttons: { keepGoing: string; quit: string; showFile: string };
}

export interface CrashHandlerDeps {
  log: Logger;
  /** Writes a support bundle and returns its path; may throw (disk full, no bundle writer yet). */
  writeBundle?: () => string;
  showDialog: (dialog: CrashDialog) => void;
  language: () => Language;
  logDir: string;
  now?: () => number;
  /** Dialogs closer together than this are not shown again (an error loop must not bury the screen). */
  minDialogIntervalMs?: number;
  /** Emergency bundles written per run at most. */
  maxBundles?: number;
}

export interface CrashOutcome {
  bundlePath?: string;
  dialogShown: boolean;
}

const describe = (reason: unknown): string => {
  const text =
    reason instanceof Error
      ? `${reason.name}: ${reason.message}`
      : typeof reason === 'string'
        ? reason
        : (JSON.stringify(reason) ?? String(reason));
  const firstLine = redactText(text).split('\n')[0] ?? '';
  return firstLine.length > 300 ? `${firstLine.slice(0, 300)}…` : firstLine;
};

export function createCrashHandler(deps: CrashHandlerDeps): { handle(kind: CrashKind, reason: unknown): CrashOutcome } {
  const now = deps.now ?? Date.now;
  const minInterval = deps.minDialogIntervalMs ?? 60_000;
  const maxBundles = deps.maxBundles ?? 3;
  let bundles = 0;
  let lastDialog = -Infinity;

  return {
    handle(kind, reason) {
      const outcome: CrashOutcome = { dialogShown: false };
      try {
        deps.log.error(kind, reason);
      } catch {
        // Logging failed (disk gone): the dialog below is then the only trace, so carry on to it.
      }
      if (deps.writeBundle && bundles < maxBundles) {
        try {
          outcome.bundlePath = deps.writeBundle();
          bundles++;
          deps.log.info(`emergency support bundle written: ${outcome.bundlePath}`);
        } catch (err) {
          try {
            deps.log.error('emergency support bundle failed', err);
          } catch {
            // see above
          }
        }
      }
      if (now() - lastDialog < minInterval) return outcome;
      lastDialog = now();
      try {
        const { t } = translator(deps.language() === 'en' ? 'en' : 'de');
        const where = outcome.bundlePath
          ? t('desktop:crash.bundle', { path: outcome.bundlePath })
          : t('desktop:crash.noBundle', { dir: deps.logDir });
        deps.showDialog({
          title: t('desktop:crash.title'),
          message: t('desktop:crash.message'),
          detail: [t('desktop:crash.error', { text: describe(reason) }), where, t('desktop:crash.closing')].join(
            '\n\n',
          ),
          ...(outcome.bundlePath ? { bundlePath: outcome.bundlePath } : {}),
          buttons: {
            keepGoing: t('desktop:crash.keepGoing'),
            quit: t('desktop:crash.quit'),
            showFile: t('desktop:crash.showFile'),
          },
        });
        outcome.dialogShown = true;
      } catch {
        // No dialog possible (e.g. before the app is ready and without a display): the log has it.
      }
      return outcome;
    },
  };
}
