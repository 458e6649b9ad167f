/**
 * Helpers for the portal-window specs. Microsoft is never contacted: every https request of every session created
 * after `stubMicrosoft` is answered by a local stand-in page, and the "open in your browser?" dialog and
 * shell.openExternal are replaced by recorders in the main process.
 */
import type { ElectronApplication, Page } from '@playwright/test';
import { launchApp } from '@test/fixtures/electron-app';

export interface PortalRecord {
  /** Messages of the confirmation dialogs the portal window showed. */
  prompts: string[];
  /** URLs handed to the system browser. */
  external: string[];
}

/** `answer`: 0 = the user clicks "open in browser", 1 = cancel. */
export async function stubMicrosoft(app: ElectronApplication, answer: 0 | 1 = 1): Promise<void> {
  await app.evaluate(({ app: electronApp, dialog, shell }, response) => {
    const g = globalThis as unknown as { __portal: { prompts: string[]; external: string[] } };
    g.__portal = { prompts: [], external: [] };
    electronApp.on('session-created', (ses) => {
      ses.protocol.handle('https', (req) => {
        const host = new URL(req.url).host;
        return new Response(
          `<!doctype html><html><head><title>Stand-in ${host}</title></head><body><h1>${host}</h1></body></html>`,
          {
            headers: { 'content-type': 'text/html; charset=utf-8' },
          },
        );
      });
    });
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const options = args.at(-1) as { message: string };
      g.__portal.prompts.push(options.message);
      return { response, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
    shell.openExternal = (async (url: string) => {
      g.__portal.external.push(url);
    }) as typeof shell.openExternal;
  }, answer);
}

export const portalRecord = (app: ElectronApplication): Promise<PortalRecord> =>
  app.evaluate(() => (globalThis as unknown as { __portal: PortalRecord }).__portal);

/** Asks the app (through the renderer's typed bridge, like the wizard does) to open a portal page. */
export async function openPortalFromRenderer(
  app: ElectronApplication,
  mainPage: Page,
  linkId: 'entraOverview' | 'securityInfo' | 'perUserMfa',
  identity: 'admin' | 'mailbox',
): Promise<Page> {
  const [portal] = await Promise.all([
    app.waitForEvent('window'),
    mainPage.evaluate(([l, i]) => window.assistant!.openPortal({ linkId: l, identity: i }), [
      linkId,
      identity,
    ] as const),
  ]);
  await portal.waitForLoadState('domcontentloaded');
  return portal;
}

export interface PortalWindowInfo {
  id: number;
  title: string;
  url: string;
  persistent: boolean;
  storagePath: string | null;
  preload: unknown;
  sandbox: unknown;
  nodeIntegration: unknown;
  contextIsolation: unknown;
}

/** Every window showing an https page (the app's own window is app://), with its session facts. */
export const portalWindows = (app: ElectronApplication): Promise<PortalWindowInfo[]> =>
  app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()
      .filter((w) => w.webContents.getURL().startsWith('https://'))
      .map((w) => {
        const prefs = (
          w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }
        ).getLastWebPreferences();
        const ses = w.webContents.session;
        return {
          id: w.id,
          title: w.getTitle(),
          url: w.webContents.getURL(),
          persistent: ses.isPersistent(),
          storagePath: ses.storagePath,
          preload: prefs.preload ?? null,
          sandbox: prefs.sandbox,
          nodeIntegration: prefs.nodeIntegration,
          contextIsolation: prefs.contextIsolation,
        };
      }),
  );

/** Launches the app with Microsoft stubbed (`answer` as in stubMicrosoft), runs `body`, always closes the app. */
export async function withStubbedApp(
  executablePath: string,
  answer: 0 | 1,
  body: (app: ElectronApplication, main: Page) => Promise<void>,
): Promise<void> {
  const app = await launchApp(executablePath);
  try {
    const main = await app.firstWindow();
    await stubMicrosoft(app, answer);
    await body(app, main);
  } finally {
    await app.close();
  }
}
