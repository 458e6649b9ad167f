/**
 * "Open" for a Microsoft page: in the app's own sign-in window for the right identity (administrator or mailbox
 * user, never sharing cookies), or in a private window of the user's browser — where security keys and passkeys
 * tend to work better.
 */
import { call } from '@renderer/bridge/call';
import { host } from '@renderer/bridge/host';
import type { PrivateBrowserInfo } from '@shared/wizard/browsers';
import type { PortalIdentity, PortalLinkId } from '@shared/wizard/portal-links';
import { useEffect, useState } from 'react';

import { type UiKey, useUiText } from '../../i18n/keys';
import { OpenIcon, PrivateIcon } from './icons';

let browsersOnce: Promise<PrivateBrowserInfo[]> | undefined;
/** Browser detection runs once per app start; the answer does not change while the app runs. */
function privateBrowsers(): Promise<PrivateBrowserInfo[]> {
  browsersOnce ??= call(() => host.listPrivateBrowsers(), { quiet: true }).then((r) => (r.ok ? r.value : []));
  return browsersOnce;
}

export function PortalActions(props: { linkId: PortalLinkId; identity: PortalIdentity; labelKey: UiKey }) {
  const { t } = useUiText();
  const [browsers, setBrowsers] = useState<PrivateBrowserInfo[] | undefined>();
  const [message, setMessage] = useState('');

  useEffect(() => {
    let alive = true;
    void privateBrowsers().then((b) => alive && setBrowsers(b));
    return () => {
      alive = false;
    };
  }, []);

  const open = async () => {
    setMessage('');
    const r = await call(() => host.openPortal({ linkId: props.linkId, identity: props.identity }));
    setMessage(r.ok ? t(`portal.opened.${props.identity}`) : t('portal.failed'));
  };

  const preferred = browsers?.[0];
  const openPrivate = async () => {
    if (!preferred) return;
    setMessage('');
    const r = await call(() => host.openInPrivateBrowser({ linkId: props.linkId, browser: preferred.id }));
    setMessage(
      r.ok
        ? t('portal.openedPrivate', { browser: preferred.name, mode: t(`portal.mode.${preferred.privateMode}`) })
        : t('portal.failed'),
    );
  };

  return (
    <div className="portal-actions" data-testid={`portal-actions-${props.linkId}`}>
      <div className="portal-actions-buttons">
        <button type="button" className="button button-primary" onClick={() => void open()}>
          <OpenIcon size={18} />
          {t(props.labelKey)}
        </button>
        {preferred && (
          <button type="button" className="button" onClick={() => void openPrivate()}>
            <PrivateIcon size={18} />
            {t('portal.private', { mode: t(`portal.mode.${preferred.privateMode}`), browser: preferred.name })}
          </button>
        )}
      </div>
      <p className="portal-actions-note">{t(`portal.note.${props.identity}`)}</p>
      <p className="portal-actions-status" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
