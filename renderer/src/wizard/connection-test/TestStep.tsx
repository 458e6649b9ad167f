/**
 * Step 6, the core: E-Mail-Host, Port (under Advanced), E-Mail-Benutzer and App-Kennwort, then a real IMAP sign-in
 * with live stage progress; success with the INBOX count, failure with the diagnosis card and an opt-in retest.
 */
import { assistant } from '@renderer/bridge/assistant';
import { call } from '@renderer/bridge/call';
import type { ProbeStage } from '@shared/probe/codes';
import { type ProbeReport, stageOf } from '@shared/probe/report';
import { isVaultMessageCode, vaultErrorText } from '@shared/profile/error-messages';
import type { Profile, ProfilePatch } from '@shared/profile/profile';
import { validateProfileFields } from '@shared/profile/profile';
import { formatDateTime, formatMs, formatNumber } from '@shared/text/format';
import { retestEligible } from '@shared/wizard/retest';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DiagnosisCard } from '../diagnosis/DiagnosisCard';
import { SwitchOffer } from '../oauth/SwitchOffer';
import { useSecretStatus } from '../state/use-secret-status';
import { useWizard } from '../state/wizard-context';
import { Callout } from '../ui/Callout';
import { DoneBar } from '../ui/DoneBar';
import { Field } from '../ui/Field';
import { CheckCircleIcon, PlugIcon, SpinnerIcon } from '../ui/icons';
import { NeedsProfile } from '../ui/NeedsProfile';
import { SecuritySelect } from '../ui/SecuritySelect';
import { Lead, Section } from '../ui/StepParts';
import { AppPasswordField } from './AppPasswordField';
import { rememberReport, useLastReport } from './last-report';
import { RetestPanel } from './RetestPanel';
import { StageProgress } from './StageProgress';
import { useProbe } from './use-probe';

const TEST_STAGES: readonly ProbeStage[] = ['dns', 'tcp', 'tls', 'greeting', 'capabilities', 'auth', 'mailbox'];

type KeychainIssue = { code: string; text: string } | null;

function Success({ report }: { report: ProbeReport }) {
  const { t, i18n } = useTranslation('wizard');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const messages = stageOf(report, 'mailbox')?.details?.messages;
  return (
    <div className="success-card" role="status" data-testid="test-success">
      <CheckCircleIcon size={32} className="success-icon" />
      <div>
        <p className="success-title">{t('test.success')}</p>
        {messages !== undefined && (
          <p data-testid="inbox-count">
            {t('test.inbox', { count: messages, formatted: formatNumber(messages, lang) })}
          </p>
        )}
        <p className="muted">
          {t('test.duration', { time: formatMs(report.durationMs, lang) })} ·{' '}
          {t('test.lastResult', { date: formatDateTime(report.checkedAt, lang) })}
        </p>
      </div>
    </div>
  );
}

function ConnectionTest({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation(['wizard', 'diagnosis']);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const { progress, updateProfile, statusOf, changeStep } = useWizard();
  const { run, start, cancel, show } = useProbe();
  const last = useLastReport(profile.id, 'full');
  const [host, setHost] = useState(profile.host);
  const [port, setPort] = useState(String(profile.port));
  const [security, setSecurity] = useState(profile.security);
  const [user, setUser] = useState(profile.mailboxUser);
  const [password, setPassword] = useState('');
  const [secret, setSecret] = useSecretStatus(profile.id);
  const [keychainIssue, setKeychainIssue] = useState<KeychainIssue>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [advancedOpen, setAdvancedOpen] = useState(profile.port !== 993 || profile.security !== 'tls');

  useEffect(() => {
    if (last) show(last);
  }, [last, show]);

  const saveSecret = async (value: string, fallback: 'none' | 'session') => {
    const r = await call(
      () => assistant.saveSecret({ profileId: profile.id, kind: 'app-password', secret: value, fallback }),
      { quiet: true },
    );
    if (r.ok) {
      setSecret({ saved: true, storage: r.value.storage });
      setKeychainIssue(
        r.value.keychainProblem ? { code: r.value.keychainProblem.code, text: r.value.keychainProblem.message } : null,
      );
      return true;
    }
    const known = isVaultMessageCode(r.error.code) ? vaultErrorText(r.error.code, lang) : r.error.message;
    setKeychainIssue({ code: r.error.code, text: known });
    return false;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (run.phase === 'running') return;
    const patch: ProfilePatch = { host: host.trim(), port: Number(port), security, mailboxUser: user.trim() };
    const problems = validateProfileFields(patch, lang, true);
    const fieldErrors: Record<string, string> = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    if (!user.trim()) fieldErrors.mailboxUser = t('profile.userHint');
    if (!password && !secret?.saved) fieldErrors.password = t('test.needsPassword');
    setErrors(fieldErrors);
    if (Object.values(fieldErrors).some(Boolean)) {
      if (fieldErrors.port || fieldErrors.security) setAdvancedOpen(true);
      return;
    }
    const changed =
      patch.host !== profile.host ||
      patch.port !== profile.port ||
      patch.security !== profile.security ||
      patch.mailboxUser !== profile.mailboxUser;
    if (changed) await updateProfile(profile.id, patch);
    const typed = password;
    if (typed) {
      // Saved first, then cleared from the form: the field should not keep the secret longer than needed.
      if (await saveSecret(typed, 'none')) setPassword('');
    }
    const report = await start({
      host: patch.host ?? host,
      port: patch.port ?? port,
      security,
      user: patch.mailboxUser ?? user,
      profileId: profile.id,
      ...(typed ? { password: typed } : {}),
    });
    if (!report) return;
    rememberReport(profile.id, report);
    const status = statusOf('test').status;
    if (report.ok && status !== 'done') await changeStep('test', { action: 'confirm' });
    if (!report.ok && report.code !== 'CANCELLED' && status !== 'attention')
      await changeStep('test', { action: 'attention' });
  };

  const running = run.phase === 'running';
  const report = run.phase === 'done' ? run.report : undefined;
  return (
    <>
      <Section>
        <form className="form test-form" onSubmit={(e) => void submit(e)} noValidate data-testid="test-form">
          <Field label={t('test.host')} {...(errors.host ? { error: errors.host } : {})}>
            {(ids) => (
              <input
                id={ids.id}
                type="text"
                value={host}
                onChange={(e) => setHost(e.target.value)}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid || undefined}
                spellCheck={false}
                autoComplete="off"
              />
            )}
          </Field>
          <details className="disclosure" open={advancedOpen} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
            <summary>{t('test.advanced')}</summary>
            <div className="field-row">
              <Field label={t('test.port')} className="field-port" {...(errors.port ? { error: errors.port } : {})}>
                {(ids) => (
                  <input
                    id={ids.id}
                    type="text"
                    inputMode="numeric"
                    value={port}
                    onChange={(e) => setPort(e.target.value)}
                    aria-describedby={ids.describedBy}
                    aria-invalid={ids.invalid || undefined}
                  />
                )}
              </Field>
              <SecuritySelect label={t('test.security')} value={security} onChange={setSecurity} />
            </div>
          </details>
          <Field label={t('test.user')} {...(errors.mailboxUser ? { error: errors.mailboxUser } : {})}>
            {(ids) => (
              <input
                id={ids.id}
                type="email"
                value={user}
                onChange={(e) => setUser(e.target.value)}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid || undefined}
                spellCheck={false}
                autoComplete="off"
              />
            )}
          </Field>
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
                <button
                  type="button"
                  className="button"
                  onClick={() => void saveSecret(password, 'session').then((ok) => ok && setPassword(''))}
                >
                  {t('test.secret.useSession')}
                </button>
              )}
            </Callout>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary button-large" disabled={running}>
              {running ? <SpinnerIcon size={18} /> : <PlugIcon size={18} />}
              {running ? t('test.running') : t('test.run')}
            </button>
            {running && (
              <button type="button" className="button button-subtle" onClick={() => void cancel()}>
                {t('test.cancel')}
              </button>
            )}
          </div>
        </form>
        {(running || report) && (
          <StageProgress
            order={TEST_STAGES}
            stages={run.phase === 'idle' || run.phase === 'error' ? {} : run.stages}
            testId="test-stages"
          />
        )}
        {run.phase === 'error' && (
          <Callout tone="error">{t('diagnosis:callFailed', { code: run.code, message: run.message })}</Callout>
        )}
      </Section>
      {report &&
        (report.ok ? (
          <Success report={report} />
        ) : (
          <>
            <DiagnosisCard
              report={report}
              securityDefaultsConfirmedAt={progress?.steps.securityDefaults?.confirmedAt ?? null}
            />
            <RetestPanel profileId={profile.id} offered={retestEligible(report)} />
            <SwitchOffer profile={profile} report={report} />
          </>
        ))}
    </>
  );
}

export function TestStep() {
  const { t } = useTranslation('wizard');
  const { profile } = useWizard();
  return (
    <>
      <Lead>{t('test.lead')}</Lead>
      {profile ? <ConnectionTest key={profile.id} profile={profile} /> : <NeedsProfile textKey="test.needsProfile" />}
      <DoneBar stepId="test" auto />
    </>
  );
}
