import type { Session } from 'electron';

/**
 * Session-wide defaults, applied to every session including those created later (portal partitions):
 * every permission request and permission check is denied, device access (HID, serial, USB) is denied,
 * screen capture is refused, and downloads are cancelled. The app needs none of these; Microsoft's portals work
 * without them. Only type imports from electron, so this is tested under Node with a fake session.
 */
type Hardenable = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'on'
>;

export type DeniedListener = (what: string, detail: string) => void;

const hardened = new WeakSet<object>();

export function hardenSession(ses: Hardenable, onDenied: DeniedListener = () => {}): void {
  if (hardened.has(ses)) return;
  hardened.add(ses);
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    onDenied('permission-request', `${permission} from ${contents?.getURL?.() ?? 'unknown'}`);
    callback(false);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    onDenied('permission-check', `${permission} from ${requestingOrigin}`);
    return false;
  });
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => {
    onDenied('display-media', 'screen capture');
    // An empty answer refuses the request.
    callback({});
  });
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    onDenied('download', item?.getURL?.() ?? 'unknown');
  });
}

/**
 * Hardens every session Electron creates from now on (register before `ready`); call `hardenSession` for the
 * default session after `ready` as well — hardening twice is a no-op.
 */
export function hardenAllSessions(
  app: { on(event: 'session-created', listener: (session: Session) => void): unknown },
  onDenied: DeniedListener = () => {},
): void {
  app.on('session-created', (ses) => hardenSession(ses, onDenied));
}
