/**
 * Step 6, the core: E-Mail-Host, Port (under Advanced), E-Mail-Benutzer and App-Kennwort, then a real IMAP sign-in
 * with live stage progress; success with the INBOX count, failure with the diagnosis card and an opt-in retest.
 * One command runs the test; main saves the fields and the password first and keeps the result.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import type { IpcError } from '@shared/ipc/result';
import type { ProbeStage } from '@shared/probe/codes';
import { isVaultMessageCode, vaultErrorText } from '@shared/profile/error-messages';
import { validateProfileFields } from '@shared/profile/profile';
import type { ConnectionView } from '@shared/wizard/view';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DiagnosisCard } from '../diagnosis/DiagnosisCard';
import { SwitchOffer } from '../oauth/SwitchOffer';
import { UndoOffer } from '../route/RouteNotes';
import { useActive } from '../state/view-lookup';
import { Callout } from '../ui/Callout';
import { DoneBar } from '../ui/DoneBar';
import { TextField } from '../ui/Field';
import { PlugIcon, SpinnerIcon } from '../ui/icons';
import { NeedsProfile } from '../ui/NeedsProfile';
import { SecuritySelect } from '../ui/SecuritySelect';
import { Lead, Section } from '../ui/StepParts';
import { AppPasswordField } from './AppPasswordField';
import { RetestPanel } from './RetestPanel';
import { StageProgress } from './StageProgress';
import { TestSuccess } from './TestSuccess';
import { useRevealResult } from './use-reveal-result';
import { useTestRun } from './use-test-run';

const TEST_STAGES: readonly ProbeStage[] = ['dns', 'tcp', 'tls', 'greeting', 'capabilities', 'auth', 'mailbox'];

type KeychainIssue = { code: string; text: string } | null;

function ConnectionTest({ connection }: { connection: ConnectionView }) {
  const { t, i18n } = useTranslation(['wizard', 'diagnosis']);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const { profile, progress } = connection;
  const run = useTestRun('password');
  const [host, setHost] = useState(profile.host);
  const [port, setPort] = useState(String(profile.port));
  const [security, setSecurity] = useState(profile.security);
  const [user, setUser] = useState(profile.mailboxUser);
  const [password, setPassword] = useState('');
  const [keychainIssue, setKeychainIssue] = useState<KeychainIssue>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState<IpcError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [advancedOpen, setAdvancedOpen] = useState(profile.port !== 993 || profile.security !== 'tls');
  const secret = connection.appPassword ?? undefined;

  const showKeychainIssue = (error: IpcError | undefined) => {
    if (!error) return setKeychainIssue(null);
    const known = isVaultMessageCode(error.code) ? vaultErrorText(error.code, lang) : error.message;
    setKeychainIssue({ code: error.code, text: known });
  };

  const keepForSession = async () => {
    const r = await wizard.saveAppPassword(
      { profileId: profile.id, secret: password, fallback: 'session' },
      { quiet: true },
    );
    if (!r.ok) return showKeychainIssue(r.error);
    const problem = r.value.saved.keychainProblem;
    setKeychainIssue(problem ? { code: problem.code, text: problem.message } : null);
    setPassword('');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (run.phase === 'running' || submitting) return;
    const settings = { host: host.trim(), port: Number(port), security, mailboxUser: user.trim() };
    const problems = validateProfileFields(settings, lang, true);
    const fieldErrors: Record<string, string> = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    if (!settings.mailboxUser) fieldErrors.mailboxUser = t('profile.userHint');
    if (!password && !secret?.saved) fieldErrors.password = t('test.needsPassword');
    setErrors(fieldErrors);
    if (Object.values(fieldErrors).some(Boolean)) {
      if (fieldErrors.port || fieldErrors.security) setAdvancedOpen(true);
      return;
    }
    setSubmitting(true);
    setFailed(null);
    const r = await wizard.testConnection({
      profileId: profile.id,
      settings,
      ...(password ? { password } : {}),
    });
    setSubmitting(false);
    if (!r.ok) return setFailed(r.error);
    showKeychainIssue(r.value.secretError);
    // Saved, so cleared from the form: the field should not keep the secret longer than needed.
    if (r.value.secretSaved) setPassword('');
  };

  const running = run.phase === 'running';
  const report = run.phase === 'done' && !failed ? run.report : undefined;
  const resultBox = useRevealResult(connection.running.password, report?.checkedAt);
  return (
    <>
      <Section>
        <form className="form test-form" onSubmit={(e) => void submit(e)} noValidate data-testid="test-form">
          <TextField label={t('test.host')} error={errors.host} value={host} onChange={setHost} spellCheck={false} />
          <details className="disclosure" open={advancedOpen} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
            <summary>{t('test.advanced')}</summary>
            <div className="field-row">
              <TextField
                label={t('test.port')}
                className="field-port"
                error={errors.port}
                value={port}
                onChange={setPort}
                inputMode="numeric"
              />
              <SecuritySelect label={t('test.security')} value={security} onChange={setSecurity} />
            </div>
          </details>
          <TextField
            label={t('test.user')}
            error={errors.mailboxUser}
            type="email"
            value={user}
            onChange={setUser}
            spellCheck={false}
          />
          <AppPasswordField
            value={password}
            onChange={setPassword}
            status={secret}
            {...(errors.password ? { error: errors.password } : {})}
          />
          {keychainIssue && (
            <Callout tone="warning" testId="keychain-problem">
              <p>{keychainIssue.text}</p>
              {keychainIssue.code.startsWith('KEYCHAIN_') && password && (
                <button type="button" className="button" onClick={() => void keepForSession()}>
                  {t('test.secret.useSession')}
                </button>
              )}
            </Callout>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary button-large" disabled={running || submitting}>
              {running ? <SpinnerIcon size={18} /> : <PlugIcon size={18} />}
              {running ? t('test.running') : t('test.run')}
            </button>
            {running && (
              <button
                type="button"
                className="button button-subtle"
                onClick={() => void wizard.cancelTest({ profileId: profile.id, kind: 'password' })}
              >
                {t('test.cancel')}
              </button>
            )}
          </div>
        </form>
        {(running || report) && (
          <StageProgress order={TEST_STAGES} stages={run.phase === 'idle' ? {} : run.stages} testId="test-stages" />
        )}
        {failed && (
          <Callout tone="error">{t('diagnosis:callFailed', { code: failed.code, message: failed.message })}</Callout>
        )}
      </Section>
      <div ref={resultBox} className="test-result" data-testid="test-result">
        {report &&
          (report.ok ? (
            <TestSuccess report={report} />
          ) : (
            <>
              <DiagnosisCard
                report={report}
                securityDefaultsConfirmedAt={progress.steps.securityDefaults?.confirmedAt ?? null}
              />
              <RetestPanel connection={connection} />
              <SwitchOffer connection={connection} />
              {connection.routeAdvice.undoOn.includes('test') && <UndoOffer connection={connection} />}
            </>
          ))}
      </div>
    </>
  );
}

export function TestStep() {
  const { t } = useTranslation('wizard');
  const active = useActive();
  return (
    <>
      <Lead>{t('test.lead')}</Lead>
      {active ? (
        <ConnectionTest key={active.profile.id} connection={active} />
      ) : (
        <NeedsProfile textKey="test.needsProfile" />
      )}
      <DoneBar stepId="test" auto />
    </>
  );
}
