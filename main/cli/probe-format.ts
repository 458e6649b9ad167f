import type { DiagnosisCard, Language } from '../shared/diagnosis/types';
import type { ProbeReport, StageResult } from '../shared/probe/report';
import { formatMs, formatNumber } from '../shared/text/format';
import { stageNameKey } from '../shared/text/titles';
import { translator } from '../shared/text/translator';

const MARK: Record<StageResult['status'], string> = { ok: '✓', failed: '✗', skipped: '–' };

/** One short fact per stage for the summary line. */
function stageSummary(stage: StageResult, language: Language): string {
  const tr = translator(language);
  switch (stage.stage) {
    case 'dns':
      return stage.details?.addresses.map((a) => a.address).join(', ') ?? '';
    case 'tcp':
      return (
        stage.details?.connected ?? stage.details?.attempts.map((a) => `${a.address} ${a.result}`).join(', ') ?? ''
      );
    case 'tls': {
      const d = stage.details;
      if (!d) return '';
      const leaf = d.chain[0];
      return [d.protocol, leaf ? `${leaf.subject} ← ${leaf.issuerName}` : undefined].filter(Boolean).join(', ');
    }
    case 'greeting':
      return stage.details?.text ?? '';
    case 'capabilities':
      return stage.details?.list.join(' ') ?? '';
    case 'auth':
      return [stage.details?.mechanism, stage.details?.response].filter(Boolean).join(': ');
    case 'mailbox':
      return stage.details?.messages !== undefined
        ? tr.t('cli:inbox', {
            count: stage.details.messages,
            formatted: formatNumber(stage.details.messages, language),
          })
        : (stage.details?.response ?? '');
    default:
      return '';
  }
}

const clip = (text: string, max = 110) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The staged report for a terminal, in the chosen language. Contains no secret because the report has none. */
export function formatReport(report: ProbeReport, card: DiagnosisCard, language: Language): string {
  const tr = translator(language);
  const input = report.stages.find((s) => s.stage === 'input');
  const target =
    input?.stage === 'input' && input.details
      ? tr.t('cli:target', {
          host: input.details.host,
          port: input.details.port,
          security: input.details.security.toUpperCase(),
          user: input.details.user || '-',
        })
      : '';
  const lines: string[] = [tr.t('cli:heading', { target }).trimEnd(), ''];
  for (const stage of report.stages) {
    const label = tr.t(stageNameKey(stage.stage)).padEnd(36);
    const ms = stage.status === 'skipped' ? ''.padStart(7) : formatMs(stage.ms, language).padStart(7);
    const summary = stage.status === 'failed' && stage.note ? stage.note : stageSummary(stage, language);
    lines.push(clip(`  ${MARK[stage.status]} ${label}${ms}  ${summary}`.trimEnd(), 140));
  }
  lines.push(
    '',
    `${tr.t('diagnosis:result')}: ${report.code} — ${card.title} (${formatMs(report.durationMs, language)})`,
    card.meaning,
  );
  if (card.causes.length) {
    lines.push('', `${tr.t('diagnosis:causes')}:`);
    card.causes.forEach((c, i) =>
      lines.push(`  ${i + 1}. [${tr.t(`diagnosis:likelihood.${c.likelihood}`)}] ${c.text}`),
    );
  }
  if (card.actions.length) {
    lines.push('', `${tr.t('diagnosis:actions')}:`);
    for (const a of card.actions) lines.push(`  • ${a.text}`);
  }
  if (card.evidence.length) {
    lines.push('', `${tr.t('diagnosis:evidence')}:`);
    for (const e of card.evidence) lines.push(`  ${clip(e, 200)}`);
  }
  if (report.transcript.length) {
    lines.push('', `${tr.t('diagnosis:transcript')}:`);
    const dir = { client: 'C:', server: 'S:', note: '--' } as const;
    for (const t of report.transcript) lines.push(`  ${String(t.t).padStart(6)} ms ${dir[t.dir]} ${clip(t.line, 200)}`);
  }
  return `${lines.join('\n')}\n`;
}
