import type { ProbeStage, ServerProduct } from '@shared/probe/codes';
import { type ProbeReport, stageOf } from '@shared/probe/report';
import { formatDateTime } from '@shared/text/format';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { rememberReport, useLastReport } from '../connection-test/last-report';
import { StageProgress } from '../connection-test/StageProgress';
import { useProbe } from '../connection-test/use-probe';
import { DiagnosisCard } from '../diagnosis/DiagnosisCard';
import { useWizard } from '../state/wizard-context';
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
  const { profile, progress, statusOf, changeStep } = useWizard();
  const { run, start, show } = useProbe();
  const last = useLastReport(profile?.id, 'network');
  useEffect(() => {
    if (last) show(last);
  }, [last, show]);

  if (!profile) {
    return (
      <>
        <Lead>{t('network.lead')}</Lead>
        <NeedsProfile />
      </>
    );
  }

  const check = async () => {
    const report = await start({
      host: profile.host,
      port: profile.port,
      security: profile.security,
      networkOnly: true,
      profileId: profile.id,
    });
    if (!report) return;
    rememberReport(profile.id, report);
    const status = statusOf('network').status;
    if (report.ok && status !== 'done') await changeStep('network', { action: 'confirm' });
    if (!report.ok && status !== 'attention') await changeStep('network', { action: 'attention' });
  };

  const running = run.phase === 'running';
  const report = run.phase === 'done' ? run.report : undefined;
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
          <span className="tag">{profile.security === 'tls' ? 'TLS' : 'STARTTLS'}</span>
        </p>
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={() => void check()} disabled={running}>
            {running ? <SpinnerIcon size={18} /> : <NetworkIcon size={18} />}
            {report ? t('network.rerun') : t('network.run')}
          </button>
        </div>
        {run.phase !== 'idle' && run.phase !== 'error' && (
          <StageProgress order={NETWORK_STAGES} stages={run.stages} testId="network-stages" />
        )}
        {run.phase === 'error' && (
          <Callout tone="error">{t('diagnosis:callFailed', { code: run.code, message: run.message })}</Callout>
        )}
      </Section>
      {report &&
        (report.ok && stageOf(report, 'capabilities')?.status === 'ok' ? (
          <NetworkOk report={report} />
        ) : (
          <DiagnosisCard
            report={report}
            securityDefaultsConfirmedAt={progress?.steps.securityDefaults?.confirmedAt ?? null}
          />
        ))}
      <DoneBar stepId="network" auto />
    </>
  );
}
