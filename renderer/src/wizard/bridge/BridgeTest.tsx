/**
 * *Brücke testen*: a password login at the bridge's address, then STATUS INBOX through it, exactly as agorum core
 * does it. The same live stages, wording and diagnosis card as the connection test; the bridge's own verdict
 * (password wrong, not running, sign-in gone …) leads the card.
 */
import { stagesFromReport, useLiveStages } from '@renderer/bridge/live-stages';
import { wizard } from '@renderer/bridge/wizard-commands';
import type { ProbeStage } from '@shared/probe/codes';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { StageProgress } from '../connection-test/StageProgress';
import { TestSuccess } from '../connection-test/TestSuccess';
import { DiagnosisCard } from '../diagnosis/DiagnosisCard';
import { Callout } from '../ui/Callout';
import { Field } from '../ui/Field';
import { GoToStep } from '../ui/GoToStep';
import { PlugIcon, SpinnerIcon } from '../ui/icons';
import { Section } from '../ui/StepParts';
import type { BridgeContext } from './BridgePage';
import { useCodeText } from './use-code-text';

const STAGES: readonly ProbeStage[] = ['dns', 'tcp', 'tls', 'greeting', 'capabilities', 'auth', 'mailbox'];
const SIGN_IN_CODES = new Set(['BRIDGE_NEEDS_SIGN_IN']);
const SETUP_CODES = new Set(['BRIDGE_NOT_RUNNING', 'BRIDGE_PORT_TAKEN', 'BRIDGE_NO_PASSWORD', 'BRIDGE_PASSWORD_WRONG']);

export function BridgeTest({ connection, bridge }: BridgeContext) {
  const { t } = useTranslation(['bridge', 'wizard']);
  const codeText = useCodeText();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const runId = bridge?.test.runningId ?? undefined;
  const live = useLiveStages(runId);
  const last = bridge?.test.last ?? null;
  const finished = useMemo(() => (last ? stagesFromReport(last.report) : {}), [last]);
  if (!bridge) return null;
  const profileId = connection.profile.id;
  const running = Boolean(runId);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const typed = password.trim();
    const r = await wizard.testBridge({ profileId, ...(typed ? { password: typed } : {}) }, { quiet: true });
    if (!r.ok) setFailure(codeText(r.error.code));
  };
  const report = !running ? last?.report : undefined;
  const address = `${bridge.settings.host}:${bridge.settings.port}`;

  return (
    <div className="bridge-test" data-testid="bridge-test">
      <Section>
        <form className="bridge-form" onSubmit={(e) => void run(e)}>
          <p>{t('test.intro', { address, user: bridge.agorum.emailUser })}</p>
          {bridge.settings.agorumRuns === 'server' && <Callout tone="info">{t('test.server')}</Callout>}
          <Field
            label={t('test.passwordLabel')}
            hint={bridge.settings.passwordCopyable ? t('test.passwordHint') : t('test.passwordHintTyped')}
          >
            {(ids) => (
              <input
                id={ids.id}
                type="password"
                aria-describedby={ids.describedBy}
                autoComplete="off"
                value={password}
                onChange={(ev) => setPassword(ev.target.value)}
                data-testid="bridge-test-password"
              />
            )}
          </Field>
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary button-large"
              disabled={running}
              data-testid="bridge-test-run"
            >
              {running ? <SpinnerIcon size={18} /> : <PlugIcon size={18} />}
              {running ? t('test.running') : t('test.run')}
            </button>
            {running && (
              <button type="button" className="button" onClick={() => void wizard.cancelBridgeTest({ profileId })}>
                {t('test.cancel')}
              </button>
            )}
          </div>
        </form>
        {(running || last) && (
          <StageProgress order={STAGES} stages={running ? live : finished} testId="bridge-test-stages" />
        )}
      </Section>
      {failure && (
        <Callout tone="error" role="alert" testId="bridge-test-error">
          {failure}
        </Callout>
      )}
      {report?.ok && <TestSuccess report={report} testIdPrefix="bridge-" />}
      {report && last && !report.ok && (
        <>
          <Callout tone="error" role="alert" title={codeText(last.code)} testId="bridge-test-verdict">
            {last.upstream && <p className="muted">{t('test.upstream', { code: last.upstream.code })}</p>}
            {SIGN_IN_CODES.has(last.code) && <GoToStep step="oauthSignIn" label={t('banner.action')} />}
            {SETUP_CODES.has(last.code) && <GoToStep step="bridgeSetup" label={t('values.toSetup')} />}
          </Callout>
          <DiagnosisCard report={report} testId="bridge-test-diagnosis" />
        </>
      )}
    </div>
  );
}
