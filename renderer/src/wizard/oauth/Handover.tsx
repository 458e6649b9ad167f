/** What an OAuth-capable mail adapter needs, each with a Copy button. No secret among them: a public client has none. */
import { useTranslation } from 'react-i18next';
import { HANDOVER_LABELS } from '../../../../main/shared/oauth/handover';
import type { OAuthState } from '../../../../main/shared/oauth/state';
import { CopyValue } from '../ui/CopyValue';
import { RichText } from '../ui/RichText';

export function Handover({ state }: { state: OAuthState }) {
  const { t, i18n } = useTranslation('oauth');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  if (!state.handover) return <p className="muted">{t('signIn.needsIds')}</p>;
  return (
    <div data-testid="oauth-handover">
      <p>
        <RichText k="oauth:handover.intro" />
      </p>
      <div className="copy-values">
        {state.handover.map((v) => (
          <CopyValue
            key={v.key}
            label={HANDOVER_LABELS[v.key][lang]}
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
