import { BrowserWindow, session } from 'electron';
import { randomUUID } from 'node:crypto';
import { isPortalUrl } from '../shared/portal/portal-hosts';
import { guardNavigation } from './window-guards';

/**
 * Opens a Microsoft portal page in its own window with a fresh in-memory partition (no `persist:` prefix),
 * so the admin's and the mailbox user's sign-ins never share cookies. Storage is cleared when it closes.
 */
export async function openPortalWindow(url: string, purpose: string): Promise<void> {
  if (!isPortalUrl(url)) throw new Error('Only Microsoft sign-in and portal pages can be opened here.');
  const partition = `portal-${purpose}-${randomUUID()}`;
  const ses = session.fromPartition(partition, { cache: false });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const win = new BrowserWindow({
    width: 1100,
    height: 800,
    title: purpose === 'mailbox' ? 'Microsoft – mailbox user sign-in' : 'Microsoft – administrator sign-in',
    webPreferences: { session: ses, contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false },
  });
  win.on('page-title-updated', (e) => e.preventDefault());
  guardNavigation(win.webContents, isPortalUrl);
  win.on('closed', () => void ses.clearData());
  await win.loadURL(url);
}
