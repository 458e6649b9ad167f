/**
 * One connection's bridge as it runs: state, address, sessions now, agorum core's last login (time, result,
 * duration), until when the access token is good, and the recent problems with what they mean.
 */
import type { BridgeView } from '@shared/bridge/host-view';
import { formatDateTime, formatMs } from '@shared/text/format';
import { useTranslation } from 'react-i18next';

import { useNavigation } from '../state/navigation';
import { Section } from '../ui/StepParts';
import { BridgeStateBadge } from './BridgeStateBadge';
import { useCodeText } from './use-code-text';

export function StatusPanel({ bridge }: { bridge: BridgeView }) {
  const { t, i18n } = useTranslation('bridge');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const codeText = useCodeText();
  const { goTo } = useNavigation();
  const { lastLogin } = bridge;
  const where = bridge.listening ?? bridge.settings;
  const address = `${where.host}:${where.port}`;
  return (
    <Section title={t('status.title')} testId="bridge-status" className="bridge-status">
      <p>
        <BridgeStateBadge state={bridge.state} />
      </p>
      {bridge.needsSignIn && (
        <button type="button" className="button button-primary" onClick={() => goTo('oauthSignIn')}>
          {t('banner.action')}
        </button>
      )}
      <dl className="bridge-facts">
        <dt>{t('status.address')}</dt>
        <dd>
          <code>{address}</code>
        </dd>
        <dt>{t('status.sessions')}</dt>
        <dd data-testid="bridge-sessions">{bridge.sessions}</dd>
        <dt>{t('status.lastLogin')}</dt>
        <dd data-testid="bridge-last-login">
          {lastLogin
            ? t('status.lastLoginValue', {
                date: formatDateTime(lastLogin.at, lang),
                result: lastLogin.code === 'OK' ? t('status.ok') : codeText(lastLogin.code),
                ms: lastLogin.ms === undefined ? '–' : formatMs(lastLogin.ms, lang),
              })
            : t('status.never')}
        </dd>
        <dt>{t('status.tokenUntil')}</dt>
        <dd data-testid="bridge-token-until">
          {bridge.tokenValidUntil ? formatDateTime(bridge.tokenValidUntil, lang) : '–'}
        </dd>
      </dl>
      {bridge.startProblem && (
        <p>
          <strong>{t('status.startProblem')}</strong> {codeText(bridge.startProblem.code)}
        </p>
      )}
      <h3 className="bridge-subtitle">{t('status.errors')}</h3>
      {bridge.recentErrors.length === 0 ? (
        <p className="muted">{t('status.noErrors')}</p>
      ) : (
        <ul className="bridge-errors" data-testid="bridge-errors">
          {bridge.recentErrors.map((e) => (
            <li key={`${e.at}-${e.code}`} data-code={e.code}>
              <span className="muted">{formatDateTime(e.at, lang)}</span> {codeText(e.code)}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
