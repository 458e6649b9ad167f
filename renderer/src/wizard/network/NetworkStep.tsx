import { wizard } from '@renderer/bridge/wizard-commands';
import type { IpcError } from '@shared/ipc/result';
import type { ProbeStage, ServerProduct } from '@shared/probe/codes';
import { type ProbeReport, stageOf } from '@shared/probe/report';
import { formatDateTime } from '@shared/text/format';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { StageProgress } from '../connection-test/StageProgress';
import { useRevealResult } from '../connection-test/use-reveal-result';
import { useTestRun } from '../connection-test/use-test-run';
import { DiagnosisCard } from '../diagnosis/DiagnosisCard';
import { useActive } from '../state/view-lookup';
import { Callout } from '../ui/Callout';
import { DoneBar } from '../ui/DoneBar';
import { NetworkIcon, ServerIcon, SpinnerIcon } from '../ui/icons';
import { NeedsProfile } from '../ui/NeedsProfile';
import { Lead, Section } from '../ui/StepParts';

const NETWORK_STAGES: readonly ProbeStage[] = ['dns', 'tcp', 'tls', 'greeting', 'capabilities'];

/** Products the check can name; for any other server it says nothing about the product. */
type NamedProduct = Exclude<ServerProduct, 'other' | 'unknown'>;
const isNamed = (product: ServerProduct): product is NamedProduct => product !== 'other' && product !== 'unknown';

function NetworkOk({ report }: { report: ProbeReport }) {
  const { t, i18n } = useTranslation('wizard');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const leaf = report.tls?.chain[0];
  const product = isNamed(report.server.product) ? t(`network.product.${report.server.product}`) : '';
  return (
    <Callout tone="success" title={t('network.okTitle')} role="status" testId="network-ok">
      {leaf && <p>{t('network.issuer', { issuer: leaf.issuerName, date: formatDateTime(leaf.validTo, lang) })}</p>}
      {product && <p>{product}</p>}
    </Callout>
  );
}

/** Step 2: reach the server and trust its certificate, before any password is typed (TLS inspection shows here). */
export function NetworkStep() {
  const { t } = useTranslation(['wizard', 'diagnosis']);
  const active = useActive();
  const run = useTestRun('network');
  const [failed, setFailed] = useState<IpcError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const shown = run.phase === 'done' && !failed ? run.report : undefined;
  const resultBox = useRevealResult(active?.running.network, shown?.checkedAt);

  if (!active) {
    return (
      <>
        <Lead>{t('network.lead')}</Lead>
        <NeedsProfile />
      </>
    );
  }

  const { profile, progress } = active;
  const check = async () => {
    setSubmitting(true);
    setFailed(null);
    const r = await wizard.checkNetwork({ profileId: profile.id });
    setSubmitting(false);
    if (!r.ok) setFailed(r.error);
  };

  const running = run.phase === 'running' || submitting;
  const report = run.phase === 'done' && !failed ? run.report : undefined;
  return (
    <>
      <Lead>{t('network.lead')}</Lead>
      <Section>
        <p>{t('network.explain')}</p>
        <p className="target" data-testid="network-target">
          <ServerIcon size={18} />
          <span className="fact-label">{t('network.target')}:</span>
          <code>
            {profile.host}:{profile.port}
          </code>
          <span className="pill tag">{profile.security === 'tls' ? 'TLS' : 'STARTTLS'}</span>
        </p>
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={() => void check()} disabled={running}>
            {running ? <SpinnerIcon size={18} /> : <NetworkIcon size={18} />}
            {report ? t('network.rerun') : t('network.run')}
          </button>
        </div>
        {run.phase !== 'idle' && !failed && (
          <StageProgress order={NETWORK_STAGES} stages={run.stages} testId="network-stages" />
        )}
        {failed && (
          <Callout tone="error">{t('diagnosis:callFailed', { code: failed.code, message: failed.message })}</Callout>
        )}
      </Section>
      <div ref={resultBox} className="test-result" data-testid="network-result">
        {report &&
          (report.ok && stageOf(report, 'capabilities')?.status === 'ok' ? (
            <NetworkOk report={report} />
          ) : (
            <DiagnosisCard
              report={report}
              securityDefaultsConfirmedAt={progress.steps.securityDefaults?.confirmedAt ?? null}
            />
          ))}
      </div>
      <DoneBar stepId="network" auto />
    </>
  );
}
