/** What an OAuth-capable mail adapter needs, each with a Copy button. No secret among them: a public client has none. */
import type { OAuthState } from '@shared/oauth/state';
import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';
import { CopyValue } from '../ui/CopyValue';
import { GoToStep } from '../ui/GoToStep';
import { RichText } from '../ui/RichText';

export function Handover({ state }: { state: OAuthState }) {
  const { t } = useTranslation('oauth');
  if (!state.handover) {
    return (
      <Callout tone="info" testId="handover-needs-ids">
        <p>{t('signIn.needsIds')}</p>
        <GoToStep step="oauthIds" label={t('steps.ids.goTo')} />
      </Callout>
    );
  }
  return (
    <div className="oauth-stack" data-testid="oauth-handover">
      <p>
        <RichText k="oauth:handover.intro" />
      </p>
      <div className="copy-values">
        {state.handover.map((v) => (
          <CopyValue
            key={v.key}
            label={t(`handover.label.${v.key}`)}
            display={<code>{v.value}</code>}
            source={{ text: v.value }}
            testId={`handover-${v.key}`}
          />
        ))}
      </div>
      <p className="muted">{t('handover.noSecret')}</p>
    </div>
  );
}
