/**
 * Start-up notices from main (a data-folder file that had to be moved aside, an upgraded settings file, keychain
 * entries without a connection) as dismissible banners above the step. Dismissing tells main, so a reload does
 * not bring a banner back.
 */
import './notices.css';

import type { Notice } from '@shared/profile/notices';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../bridge/call';
import { host } from '../bridge/host';
import { Callout, type CalloutTone } from '../wizard/ui/Callout';
import { CloseIcon, TrashIcon } from '../wizard/ui/icons';
import { OrphanRemoval } from './OrphanRemoval';
import { RecoveredNotice } from './RecoveredNotice';

const TONE: Record<Notice['kind'], CalloutTone> = {
  'store-recovered': 'warning',
  'store-migrated': 'info',
  'orphan-secrets': 'warning',
};

const titleOf = (t: TFunction<'notices'>, notice: Notice): string =>
  notice.kind === 'store-recovered' && notice.document !== 'store'
    ? t(`documents.${notice.document}.title`)
    : t(`${notice.kind}.title`);

interface BannerActions {
  onDismiss: () => void;
  /** Main's view changed (an import, a removal): fetch the notices again. */
  onChanged: () => void;
  onMessage: (text: string) => void;
}

function OrphanNotice({ notice, ...actions }: { notice: Extract<Notice, { kind: 'orphan-secrets' }> } & BannerActions) {
  const { t } = useTranslation('notices');
  const [confirming, setConfirming] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => removeButton.current?.focus());
  };
  return (
    <>
      <p>{t('orphans.text', { count: notice.count })}</p>
      {notice.inBackups > 0 && (
        <p>
          {notice.inBackups === notice.count
            ? t('orphans.inBackupsAll', { count: notice.count })
            : t('orphans.inBackups', { count: notice.inBackups })}
        </p>
      )}
      {confirming ? (
        <OrphanRemoval
          onCancel={cancel}
          onRemoved={(count) => {
            actions.onMessage(count > 0 ? t('orphans.removed', { count }) : t('orphans.noneRemoved'));
            actions.onChanged();
          }}
        />
      ) : (
        <div className="notice-actions">
          <button
            ref={removeButton}
            type="button"
            className="button button-small button-danger"
            onClick={() => setConfirming(true)}
          >
            <TrashIcon size={16} />
            {t('orphans.remove')}
          </button>
          <button type="button" className="button button-small" onClick={actions.onDismiss}>
            {t('orphans.keep')}
          </button>
        </div>
      )}
    </>
  );
}

function Banner({ notice, ...actions }: { notice: Notice } & BannerActions) {
  const { t } = useTranslation('notices');
  const title = titleOf(t, notice);
  return (
    <Callout
      tone={TONE[notice.kind]}
      title={title}
      role={notice.kind === 'store-recovered' ? 'alert' : 'status'}
      testId={`notice-${notice.kind}`}
      className="notice-banner"
    >
      {notice.kind === 'store-recovered' && <RecoveredNotice notice={notice} onImported={actions.onChanged} />}
      {notice.kind === 'store-migrated' && (
        <p>
          {t('migrated.text', { from: notice.fromVersion, to: notice.toVersion })}{' '}
          <code className="notice-path">{notice.backupPath}</code>
        </p>
      )}
      {notice.kind === 'orphan-secrets' ? (
        <OrphanNotice notice={notice} {...actions} />
      ) : (
        <button
          type="button"
          className="button button-subtle notice-close"
          aria-label={t('dismissLabel', { title })}
          onClick={actions.onDismiss}
        >
          <CloseIcon size={16} />
        </button>
      )}
    </Callout>
  );
}

export function Notices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [message, setMessage] = useState('');

  const refresh = useCallback(() => {
    void call(() => host.getNotices(), { quiet: true }).then((r) => r.ok && setNotices(r.value));
  }, []);
  useEffect(refresh, [refresh]);

  const dismiss = async (id: string) => {
    const r = await call(() => host.dismissNotice({ id }));
    if (r.ok) setNotices(r.value);
  };

  if (notices.length === 0 && !message) return null;
  return (
    <div className="notices" data-testid="notices">
      {notices.map((n) => (
        <Banner key={n.id} notice={n} onDismiss={() => void dismiss(n.id)} onChanged={refresh} onMessage={setMessage} />
      ))}
      <p className="form-notice" role="status" data-testid="notice-message">
        {message}
      </p>
    </div>
  );
}
