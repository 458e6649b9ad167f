/** The report's sections about the last connection test (with its diagnosis) and the automatic retest. */
import { diagnose } from '@shared/diagnosis/diagnose';
import type { ProbeStage } from '@shared/probe/codes';
import type { ProbeReport } from '@shared/probe/report';
import { formatMs, formatNumber } from '@shared/text/format';
import type { Catalogue } from '@shared/text/resources';
import { stageNameKey } from '@shared/text/titles';
import { confirmedAtOf } from '@shared/wizard/elapsed';
import type { RetestState } from '@shared/wizard/retest';

import type { SetupReportInput } from './build-report';
import { escapeHtml as e } from './html';
import { NONE, orNone, type ReportText, row } from './report-text';
import type { TestReportView } from './test-report-view';

const STAGES: readonly string[] = ['input', 'dns', 'tcp', 'tls', 'greeting', 'capabilities', 'auth', 'mailbox'];

/** A stage from stored JSON: its one name when it is a known stage, else the raw value (escaped by the caller). */
const stageName = (r: ReportText, stage: string | undefined) =>
  stage === undefined ? undefined : STAGES.includes(stage) ? r.tr.t(stageNameKey(stage as ProbeStage)) : stage;

/**
 * A word for a value read from stored JSON (a status, a likelihood): the catalogue's when it has one, else the
 * stored value itself — an old or damaged record still prints.
 */
function known(
  r: ReportText,
  prefix: 'diagnosis:likelihood' | 'probe:stageState' | 'report:retestStatus' | 'report:tlsVerdict',
  value: string,
): string {
  const key = `${prefix}.${value}`;
  return r.tr.has(key) ? r.tr.t(key) : value;
}

/**
 * The diagnosis card for a failed test, as the wizard shows it (main/shared/diagnosis). The stored report is
 * opaque JSON; if it is too damaged for the diagnosis, the section is left out rather than failing the export.
 */
function diagnosisSection(input: SetupReportInput, view: TestReportView, r: ReportText): string {
  if (view.ok) return '';
  let card;
  try {
    card = diagnose(input.lastTest!.report as ProbeReport, {
      language: input.language,
      now: input.generatedAt,
      securityDefaultsConfirmedAt: confirmedAtOf(input.progress),
    });
  } catch {
    return '';
  }
  const causes = card.causes
    .map(
      (c) => `<li>${e(c.text)} <span class="hint">(${e(known(r, 'diagnosis:likelihood', c.likelihood))})</span></li>`,
    )
    .join('');
  const actions = card.actions.map((a) => `<li>${e(a.text)}</li>`).join('');
  return (
    `<h3>${r.text('diagnosis:region')}: ${e(card.title)}</h3><p>${e(card.meaning)}</p>` +
    (causes ? `<h4>${r.text('diagnosis:causes')}</h4><ol>${causes}</ol>` : '') +
    (actions ? `<h4>${r.text('diagnosis:actions')}</h4><ol>${actions}</ol>` : '')
  );
}

export function testSection(input: SetupReportInput, view: TestReportView | undefined, r: ReportText): string {
  const heading = `<h2>${r.text('report:lastTest')}</h2>`;
  if (!view) return `<section>${heading}<p>${r.text('report:noTest')}</p></section>`;
  const f = (key: keyof Catalogue['report']['testFields']) => r.text(`report:testFields.${key}`);
  const lang = input.language;
  const result = view.ok
    ? `<span class="ok">${r.text('wizard:test.success')}</span>`
    : `<span class="failed">${r.text('report:failed')}</span>`;
  const summary = [
    row(r.text('diagnosis:result'), result),
    row(f('code'), e(view.code)),
    row(f('stage'), orNone(stageName(r, view.stage))),
    row(f('checkedAt'), r.when(view.checkedAt ?? view.recordedAt)),
    row(r.text('diagnosis:duration'), view.durationMs === undefined ? e(NONE) : e(formatMs(view.durationMs, lang))),
    ...(view.messages === undefined ? [] : [row(f('messages'), e(formatNumber(view.messages, lang)))]),
    row(f('server'), orNone(view.server.product)),
    row(f('greeting'), orNone(view.server.greeting)),
  ].join('\n');
  const stages = view.stages.length
    ? `<h3>${r.text('report:stages')}</h3><table><thead><tr><th>${r.text('diagnosis:stage')}</th>` +
      `<th>${r.text('report:stageColumns.status')}</th><th>${r.text('report:stageColumns.ms')}</th>` +
      `<th>${r.text('report:stageColumns.note')}</th></tr></thead><tbody>` +
      view.stages
        .map(
          (s) =>
            `<tr><td>${e(stageName(r, s.stage))}</td><td>${e(known(r, 'probe:stageState', s.status))}</td><td>${e(formatMs(s.ms, lang))}</td><td>${orNone(s.status === 'ok' ? undefined : s.note)}</td></tr>`,
        )
        .join('') +
      '</tbody></table>'
    : '';
  const t = view.tls;
  const tls = t
    ? `<h3>${r.text('report:tls')}</h3><dl>${[
        row(r.text('report:tlsFields.verdict'), t.verdict ? e(known(r, 'report:tlsVerdict', t.verdict)) : e(NONE)),
        row(r.text('report:tlsFields.protocol'), orNone(t.protocol)),
        row(r.text('diagnosis:subject'), orNone(t.subject)),
        row(r.text('diagnosis:issuer'), orNone(t.issuer)),
        row(r.text('report:tlsFields.validTo'), r.when(t.validTo)),
        row(r.text('diagnosis:fingerprint'), orNone(t.fingerprint256)),
        ...(t.inspectionSuspected ? [row(r.text('report:tlsFields.inspection'), r.text('report:yes'))] : []),
      ].join('\n')}</dl>`
    : '';
  const lines = view.transcript
    .map(
      (x) =>
        `<span class="${e(x.dir)}">${e(String(x.t).padStart(6))} ${x.dir === 'client' ? 'C:' : x.dir === 'server' ? 'S:' : '  '} ${e(x.line)}</span>`,
    )
    .join('\n');
  const transcript = view.transcript.length
    ? `<h3>${r.text('diagnosis:transcript')}</h3><p class="hint">${r.text('diagnosis:transcriptNote')}</p><pre>${lines}</pre>`
    : '';
  return `<section>${heading}<dl>${summary}</dl>${diagnosisSection(input, view, r)}${stages}${tls}${transcript}</section>`;
}

export function retestSection(retest: RetestState | null | undefined, r: ReportText): string {
  if (!retest) return '';
  const f = (key: keyof Catalogue['report']['retestFields']) => r.text(`report:retestFields.${key}`);
  const attempts = retest.attempts.map((a) => `${r.when(a.at)} ${e(a.code)}`).join(', ');
  return `<section><h2>${r.text('report:retest')}</h2><dl>
${row(f('status'), e(known(r, 'report:retestStatus', retest.status)))}
${row(f('startedAt'), r.when(retest.startedAt))}
${row(f('attempts'), attempts || e(NONE))}
${retest.nextAttemptAt ? row(f('nextAttemptAt'), r.when(retest.nextAttemptAt)) : ''}
${retest.finishedAt ? row(f('finishedAt'), r.when(retest.finishedAt)) : ''}
</dl></section>`;
}
