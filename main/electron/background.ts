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
import { translator } from '../shared/text/translator';
import type { WizardView } from '../shared/wizard/view';

export interface BackgroundOptions {
  services: Services;
  iconPath: string;
  showWindow: () => void;
}

export function installBackground(opts: BackgroundOptions): { attach(win: BrowserWindow): void } {
  const { services } = opts;
  const t = (...args: Parameters<ReturnType<typeof translator>['t']>) =>
    translator(services.vault.settings.get().language).t(...args);
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
    const summary = last?.bridges.summary ?? 'none';
    const lines = (last?.bridges.entries ?? []).map((e) => ({
      label: t('desktop:bridge.tray.entry', {
        name: e.displayName,
        state: t(`desktop:bridge.state.${e.state}`),
        address: e.address,
      }),
      enabled: false,
    }));
    tray.setToolTip(t(`desktop:bridge.tray.${trayState(summary)}`));
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...lines,
        ...(lines.length ? [{ type: 'separator' as const }] : []),
        { label: t('desktop:bridge.tray.open'), click: () => opts.showWindow() },
        { label: t('desktop:bridge.tray.quit'), click: quit },
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
      void dialog
        .showMessageBox(win, {
          type: 'question',
          message: t('desktop:bridge.close.question'),
          buttons: [t('desktop:bridge.close.keep'), t('desktop:bridge.close.quit')],
          defaultId: 0,
          cancelId: 0,
          checkboxLabel: t('desktop:bridge.close.remember'),
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
