/**
 * The desktop app's life around its bridges (Electron edge, thin): the tray / menu-bar icon with the bridges'
 * status and Quit, the login item, and the question when the window closes while a bridge runs. Every decision is
 * a plain rule in main/core/bridge-host/desktop-rules.ts; this file only carries it out.
 */
import { app, type BrowserWindow, dialog, Menu, nativeImage, Tray } from 'electron';

import {
  afterCloseAnswer,
  loginItemSettings,
  onWindowClose,
  trayState,
  wantsTray,
} from '../core/bridge-host/desktop-rules';
import type { Services } from '../core/services';
import type { WizardView } from '../shared/wizard/view';

const TEXT = {
  de: {
    tooltip: {
      ok: 'OAuth-Brücke läuft',
      warning: 'OAuth-Brücke: Exchange antwortet nicht wie erwartet',
      error: 'OAuth-Brücke: Handlung nötig',
      idle: 'Mailadapter Assistant',
    },
    open: 'Assistent öffnen',
    quit: 'Beenden (Brücken anhalten)',
    question:
      'Eine OAuth-Brücke läuft. Soll sie im Hintergrund weiterlaufen, damit agorum core weiter E-Mails abrufen kann?',
    keep: 'Im Hintergrund weiterlaufen',
    stop: 'Beenden',
    remember: 'Antwort merken',
  },
  en: {
    tooltip: {
      ok: 'OAuth bridge running',
      warning: 'OAuth bridge: Exchange is not answering as expected',
      error: 'OAuth bridge: action needed',
      idle: 'Mailadapter Assistant',
    },
    open: 'Open the assistant',
    quit: 'Quit (stops the bridges)',
    question: 'An OAuth bridge is running. Keep it running in the background so agorum core can go on fetching mail?',
    keep: 'Keep running in the background',
    stop: 'Quit',
    remember: 'Remember my answer',
  },
} as const;

export interface BackgroundOptions {
  services: Services;
  iconPath: string;
  showWindow: () => void;
}

export function installBackground(opts: BackgroundOptions): { attach(win: BrowserWindow): void } {
  const { services } = opts;
  const text = () => TEXT[services.vault.settings.get().language === 'en' ? 'en' : 'de'];
  let tray: Tray | undefined;
  let quitting = false;
  let hidden = false;
  let last: WizardView | undefined;

  const quit = () => {
    quitting = true;
    app.quit();
  };

  const refreshTray = () => {
    const behaviour = services.bridges.desktop();
    const want = wantsTray({ bridgeRunning: services.bridges.anyRunning(), behaviour, windowHidden: hidden });
    if (!want) {
      tray?.destroy();
      tray = undefined;
      return;
    }
    tray ??= new Tray(nativeImage.createFromPath(opts.iconPath));
    const t = text();
    const summary = last?.bridges.summary ?? 'none';
    const lines = (last?.bridges.entries ?? []).map((e) => ({
      label: `${e.displayName}: ${e.state} (${e.address})`,
      enabled: false,
    }));
    tray.setToolTip(t.tooltip[trayState(summary)]);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...lines,
        ...(lines.length ? [{ type: 'separator' as const }] : []),
        { label: t.open, click: () => opts.showWindow() },
        { label: t.quit, click: quit },
      ]),
    );
  };

  services.wizardState.subscribe((view) => {
    last = view;
    refreshTray();
  });

  // The stored choice wins over whatever the OS remembers from an older install.
  app.setLoginItemSettings(loginItemSettings(services.bridges.desktop().startWithComputer));

  const attach = (win: BrowserWindow) => {
    win.on('close', (event) => {
      if (quitting) return;
      const decision = onWindowClose({
        bridgeRunning: services.bridges.anyRunning(),
        behaviour: services.bridges.desktop(),
      });
      if (decision === 'quit') return;
      event.preventDefault();
      const hide = () => {
        hidden = true;
        win.hide();
        refreshTray();
      };
      if (decision === 'hide') return hide();
      const t = text();
      void dialog
        .showMessageBox(win, {
          type: 'question',
          message: t.question,
          buttons: [t.keep, t.stop],
          defaultId: 0,
          cancelId: 0,
          checkboxLabel: t.remember,
        })
        .then(async ({ response, checkboxChecked }) => {
          const { decision: now, store } = afterCloseAnswer(response === 0 ? 'keep-running' : 'quit', checkboxChecked);
          if (store) await services.bridges.setDesktop(store).catch(() => undefined);
          if (now === 'hide') hide();
          else quit();
        });
    });
    win.on('show', () => {
      hidden = false;
      refreshTray();
    });
  };
  app.on('before-quit', () => (quitting = true));
  refreshTray();
  return { attach };
}
