import type { Language } from '@shared/ipc/channels/app';
import { translator } from '@shared/text/translator';

export type RetestOutcome = 'success' | 'gave-up' | 'stopped';

export interface NotificationText {
  title: string;
  body: string;
}

/**
 * The desktop notification when an automatic retest ends. Giving up after refused sign-ins explains the
 * basic-auth switch-off, because that — not a slow change — is the usual reason against Exchange Online.
 */
export function retestNotification(
  outcome: RetestOutcome,
  opts: { language: Language; profileName?: string; lastCode?: string; hours: number },
): NotificationText {
  const { t } = translator(opts.language);
  const suffix = opts.profileName ? t('desktop:retest.profileSuffix', { name: opts.profileName }) : '';
  if (outcome === 'success') {
    return { title: t('desktop:retest.success.title', { suffix }), body: t('desktop:retest.success.body') };
  }
  if (outcome === 'stopped') {
    return {
      title: t('desktop:retest.stopped.title', { suffix }),
      body: t('desktop:retest.stopped.body', { code: opts.lastCode ?? '?' }),
    };
  }
  return {
    title: t('desktop:retest.gaveUp.title', { suffix }),
    body: t(opts.lastCode === 'TIMEOUT' ? 'desktop:retest.gaveUp.timeout' : 'desktop:retest.gaveUp.refused', {
      hours: opts.hours,
    }),
  };
}
