/**
 * What the desktop app does with its window and its life while bridges run, as plain rules: the Electron edge only
 * asks them and carries out the answer (hide the window, quit, show the question, set the login item, the tray).
 */
import type { CloseChoice, DesktopBehaviour } from '@shared/bridge/host-settings';
import type { BridgeSummaryState } from '@shared/bridge/host-view';

export type CloseDecision = 'quit' | 'hide' | 'ask';

/**
 * Closing the window: without a running bridge the app quits as any window would. With one, "keep running in the
 * background" hides the window; otherwise the remembered answer applies, and until there is one the admin is asked.
 */
export function onWindowClose(opts: { bridgeRunning: boolean; behaviour: DesktopBehaviour }): CloseDecision {
  if (!opts.bridgeRunning) return 'quit';
  if (opts.behaviour.keepRunningInBackground) return 'hide';
  if (opts.behaviour.closeWithBridge === 'keep-running') return 'hide';
  if (opts.behaviour.closeWithBridge === 'quit') return 'quit';
  return 'ask';
}

/** The answer to the close question: what to do now, and what to store when "remember" was ticked. */
export function afterCloseAnswer(
  answer: Exclude<CloseChoice, 'ask'>,
  remember: boolean,
): { decision: Exclude<CloseDecision, 'ask'>; store: Partial<DesktopBehaviour> | null } {
  return {
    decision: answer === 'keep-running' ? 'hide' : 'quit',
    store: remember ? { closeWithBridge: answer } : null,
  };
}

/** The tray (menu-bar) icon exists while the app may live without its window. */
export function wantsTray(opts: {
  bridgeRunning: boolean;
  behaviour: DesktopBehaviour;
  windowHidden: boolean;
}): boolean {
  return (
    opts.behaviour.keepRunningInBackground ||
    opts.windowHidden ||
    (opts.bridgeRunning && opts.behaviour.closeWithBridge === 'keep-running')
  );
}

/** The argument a login-item start carries, so the app starts without showing its window. */
export const BACKGROUND_ARG = '--background';

/** app.setLoginItemSettings' input for the choice (Windows and macOS read `args` / `openAsHidden`). */
export function loginItemSettings(startWithComputer: boolean): {
  openAtLogin: boolean;
  openAsHidden: boolean;
  args: string[];
} {
  return {
    openAtLogin: startWithComputer,
    openAsHidden: startWithComputer,
    args: startWithComputer ? [BACKGROUND_ARG] : [],
  };
}

/** Started by the login item: stay hidden (tray only) when there is a bridge to run, else show the window. */
export function startHidden(argv: readonly string[], behaviour: DesktopBehaviour): boolean {
  return argv.includes(BACKGROUND_ARG) && behaviour.startWithComputer;
}

/** The tray's tooltip state, worst first like the header. */
export function trayState(summary: BridgeSummaryState): 'ok' | 'warning' | 'error' | 'idle' {
  if (summary === 'needs-sign-in' || summary === 'start-failed') return 'error';
  if (summary === 'upstream-failing') return 'warning';
  if (summary === 'running' || summary === 'starting') return 'ok';
  return 'idle';
}
