/**
 * A failed (or questionable) test explained: title, what it means, the likely causes ranked, what to do, and the
 * evidence behind it — transcript, certificate chain, timings — folded away for specialists and support.
 * The knowledge itself is data in main/shared/diagnosis; this only lays it out.
 */
import { diagnose } from '@shared/diagnosis/diagnose';
import type { DiagnosisCard as DiagnosisCardData, Likelihood } from '@shared/diagnosis/types';
import type { ProbeReport } from '@shared/probe/report';
import { formatDateTime, formatMs } from '@shared/text/format';
import { stageNameKey } from '@shared/text/titles';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorIcon, InfoIcon, WarningIcon } from '../ui/icons';
import { pillClass, type PillTone } from '../ui/pill';

const TONE = { high: 'error', medium: 'warn', low: null } as const satisfies Record<Likelihood, PillTone>;
const SEVERITY_ICON = { error: ErrorIcon, warning: WarningIcon, info: InfoIcon, success: InfoIcon };

/** `refine` lets a caller that knows more (e.g. the XOAUTH2 test, from the token's claims) re-rank the card. */
export function DiagnosisCard(props: {
  report: ProbeReport;
  securityDefaultsConfirmedAt?: string | null;
  testId?: string;
  refine?: (card: DiagnosisCardData) => DiagnosisCardData;
}) {
  const { t, i18n } = useTranslation(['diagnosis', 'probe']);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const titleId = useId();
  const diagnosed = diagnose(props.report, {
    language: lang,
    now: new Date(),
    ...(props.securityDefaultsConfirmedAt ? { securityDefaultsConfirmedAt: props.securityDefaultsConfirmedAt } : {}),
  });
  const card = props.refine ? props.refine(diagnosed) : diagnosed;
  const Icon = SEVERITY_ICON[card.severity];
  const { report } = props;

  return (
    <section
      className={`diagnosis diagnosis-${card.severity}`}
      aria-labelledby={titleId}
      data-testid={props.testId ?? 'diagnosis-card'}
      data-code={card.code}
    >
      <header className="diagnosis-header">
        <Icon className="diagnosis-icon" size={24} />
        <div>
          <h2 id={titleId} className="diagnosis-title">
            {card.title}
          </h2>
          <p className="diagnosis-code">
            <span className="pill tag">{card.code}</span> {t(stageNameKey(card.stage))}
          </p>
        </div>
      </header>
      <p className="diagnosis-meaning">{card.meaning}</p>
      {card.causes.length > 0 && (
        <>
          <h3>{t('causes')}</h3>
          <ol className="diagnosis-causes" data-testid="diagnosis-causes">
            {card.causes.map((c) => (
              <li key={c.id} data-cause={c.id}>
                <span className={pillClass(`likelihood likelihood-${c.likelihood}`, TONE[c.likelihood])}>
                  {t(`likelihood.${c.likelihood}`)}
                </span>
                <span>{c.text}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {card.actions.length > 0 && (
        <>
          <h3>{t('actions')}</h3>
          <ol className="diagnosis-actions">
            {card.actions.map((a) => (
              <li key={a.id}>{a.text}</li>
            ))}
          </ol>
        </>
      )}
      <details className="disclosure diagnosis-details">
        <summary>{t('details')}</summary>
        {card.evidence.length > 0 && (
          <>
            <h4>{t('evidence')}</h4>
            <ul className="evidence">
              {card.evidence.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </>
        )}
        <h4>{t('timings')}</h4>
        <table className="timings">
          <thead>
            <tr>
              <th scope="col">{t('stage')}</th>
              <th scope="col">{t('result')}</th>
              <th scope="col" className="num">
                {t('duration')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.stages.map((s) => (
              <tr key={s.stage} className={`timing-${s.status}`}>
                <th scope="row">{t(stageNameKey(s.stage))}</th>
                <td>{t(`probe:stageState.${s.status}`)}</td>
                <td className="num">{s.status === 'skipped' ? '–' : formatMs(s.ms, lang)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('total')}</th>
              <td>{formatDateTime(report.checkedAt, lang)}</td>
              <td className="num">{formatMs(report.durationMs, lang)}</td>
            </tr>
          </tfoot>
        </table>
        <h4>{t('certificate')}</h4>
        {report.tls?.chain.length ? (
          report.tls.chain.map((c, i) => (
            <dl key={c.fingerprint256 || i} className="cert" aria-label={t('chainItem', { n: i + 1 })}>
              <dt>{t('subject')}</dt>
              <dd>{c.subject}</dd>
              <dt>{t('issuer')}</dt>
              <dd>{c.issuer}</dd>
              {c.subjectAltNames.length > 0 && (
                <>
                  <dt>{t('altNames')}</dt>
                  <dd>{c.subjectAltNames.join(', ')}</dd>
                </>
              )}
              <dt>{t('validity')}</dt>
              <dd>
                {t('validRange', { from: formatDateTime(c.validFrom, lang), to: formatDateTime(c.validTo, lang) })}
              </dd>
              <dt>{t('fingerprint')}</dt>
              <dd className="mono">{c.fingerprint256}</dd>
            </dl>
          ))
        ) : (
          <p className="muted">{t('noCertificate')}</p>
        )}
        <h4>{t('transcript')}</h4>
        {report.transcript.length ? (
          <>
            <pre className="transcript" data-testid="transcript" tabIndex={0}>
              {report.transcript
                .map((l) => `${String(Math.round(l.t)).padStart(5)} ms ${t(`dir.${l.dir}`)} ${l.line}`)
                .join('\n')}
            </pre>
            <p className="muted">{t('transcriptNote')}</p>
          </>
        ) : (
          <p className="muted">{t('noTranscript')}</p>
        )}
      </details>
    </section>
  );
}
