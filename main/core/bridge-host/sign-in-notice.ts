/** The one OS notification of a needs-sign-in episode: which connection, and the one thing that fixes it. */
import type { Language } from '@shared/ipc/channels/app';
import { translator } from '@shared/text/translator';

export function needsSignInNotice(language: Language, connection: string, mailbox: string) {
  const { t } = translator(language);
  return {
    title: t('desktop:bridge.needsSignIn.title', { connection }),
    body: t('desktop:bridge.needsSignIn.body', { mailbox }),
  };
}
