/**
 * Start-up notices from main (a settings file that had to be moved aside, an upgraded settings file, keychain
 * entries without a connection) as dismissible banners above the step. Dismissing tells main, so a reload does
 * not bring a banner back.
 */
import './notices.css';

import type { Notice } from '@shared/profile/notices';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../bridge/call';
import { host } from '../bridge/host';
import { Callout, type CalloutTone } from '../wizard/ui/Callout';
import { CloseIcon, TrashIcon } from '../wizard/ui/icons';

const TONE: Record<Notice['kind'], CalloutTone> = {
  'store-recovered': 'warning',
  'store-migrated': 'info',
  'orphan-secrets': 'warning',
};

function NoticeText({ notice }: { notice: Notice }) {
  const { t } = useTranslation('notices');
  switch (notice.kind) {
    case 'store-recovered':
      return (
        <>
          <p>{t(`recovered.reason.${notice.reason}`)}</p>
          {notice.backupPath ? (
            <p>
              {t('recovered.movedTo')}{' '}
              <code className="notice-path" data-testid="notice-backup-path">
                {notice.backupPath}
              </code>
            </p>
          ) : (
            <p>{t('recovered.notMoved')}</p>
          )}
          <p>{t('recovered.clean')}</p>
        </>
      );
    case 'store-migrated':
      return (
        <p>
          {t('migrated.text', { from: notice.fromVersion, to: notice.toVersion })}{' '}
          <code className="notice-path">{notice.backupPath}</code>
        </p>
      );
    case 'orphan-secrets':
      return <p>{t('orphans.text', { count: notice.count })}</p>;
  }
}

function Banner({
  notice,
  onDismiss,
  onRemoveOrphans,
}: {
  notice: Notice;
  onDismiss: () => void;
  onRemoveOrphans: () => void;
}) {
  const { t } = useTranslation('notices');
  const orphans = notice.kind === 'orphan-secrets';
  return (
    <Callout
      tone={TONE[notice.kind]}
      title={t(`${notice.kind}.title`)}
      role={notice.kind === 'store-recovered' ? 'alert' : 'status'}
      testId={`notice-${notice.kind}`}
      className="notice-banner"
    >
      <NoticeText notice={notice} />
      {orphans ? (
        <div className="notice-actions">
          <button type="button" className="button button-small button-danger" onClick={onRemoveOrphans}>
            <TrashIcon size={16} />
            {t('orphans.remove')}
          </button>
          <button type="button" className="button button-small" onClick={onDismiss}>
            {t('orphans.keep')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button-subtle notice-close"
          aria-label={t('dismissLabel', { title: t(`${notice.kind}.title`) })}
          onClick={onDismiss}
        >
          <CloseIcon size={16} />
        </button>
      )}
    </Callout>
  );
}

export function Notices() {
  const { t } = useTranslation('notices');
  const [notices, setNotices] = useState<Notice[]>([]);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void call(() => host.getNotices(), { quiet: true }).then((r) => r.ok && setNotices(r.value));
  }, []);

  const dismiss = async (id: string) => {
    const r = await call(() => host.dismissNotice({ id }));
    if (r.ok) setNotices(r.value);
  };

  const removeOrphans = async (id: string) => {
    const r = await call(() => host.removeOrphanSecrets({}));
    if (!r.ok) return;
    setMessage(r.value.removed.length > 0 ? t('orphans.removed') : t('orphans.noneRemoved'));
    await dismiss(id);
  };

  if (notices.length === 0 && !message) return null;
  return (
    <div className="notices" data-testid="notices">
      {notices.map((n) => (
        <Banner
          key={n.id}
          notice={n}
          onDismiss={() => void dismiss(n.id)}
          onRemoveOrphans={() => void removeOrphans(n.id)}
        />
      ))}
      <p className="form-notice" role="status" data-testid="notice-message">
        {message}
      </p>
    </div>
  );
}
