/**
 * Turns a probe report into a diagnosis card: picks the entry for the code, applies the variant for the server
 * product / credential / TLS situation, fills placeholders with evidence, and ranks the likely causes.
 * Pure function of its inputs (the clock is passed in), so the renderer, the CLI and tests get the same answer.
 */
import type { ServerProduct } from '../probe/codes';
import { isMicrosoftHost } from '../probe/microsoft';
import { type ProbeReport, stageOf } from '../probe/report';
import { formatDate, formatNumber } from '../text/format';
import { stageNameKey } from '../text/titles';
import { type Translator, translator } from '../text/translator';
import { DIAGNOSES } from './catalog';
import { fieldNameKey, looksLikeKey } from './labels';
import type { Applies, CauseEntry, DiagnosisCard, DiagnosisEntry, Language, Likelihood } from './types';

export interface DiagnoseOptions {
  language: Language;
  /** When the admin confirmed the security-defaults step (ISO string or Date); weights the propagation cause. */
  securityDefaultsConfirmedAt?: string | Date;
  now: Date;
}

const HOUR = 3_600_000;

/**
 * How likely "the security-defaults change has not taken effect yet" still is: plausible in the first hours
 * after the change, fading after a day. Unknown confirmation time keeps it in the middle.
 */
export function securityDefaultsWeight(hoursSinceConfirmed: number | undefined): number {
  if (hoursSinceConfirmed === undefined || Number.isNaN(hoursSinceConfirmed)) return 35;
  if (hoursSinceConfirmed < 1) return 55;
  if (hoursSinceConfirmed < 6) return 45;
  if (hoursSinceConfirmed < 24) return 25;
  if (hoursSinceConfirmed < 72) return 5;
  return 1;
}

const likelihoodOf = (weight: number): Likelihood => (weight >= 60 ? 'high' : weight >= 30 ? 'medium' : 'low');

/** Server product for diagnosis: from the greeting, else from the host name when nothing was heard. */
function productOf(report: ProbeReport): ServerProduct {
  if (report.server.product !== 'unknown') return report.server.product;
  const host = stageOf(report, 'input')?.details?.host ?? '';
  return isMicrosoftHost(host) ? 'exchange-online' : 'unknown';
}

interface Situation {
  product: ServerProduct;
  credential: 'password' | 'xoauth2' | 'none';
  report: ProbeReport;
}

function applies(when: Applies, s: Situation): boolean {
  const input = stageOf(s.report, 'input')?.details;
  return (
    (!when.products || when.products.includes(s.product)) &&
    (!when.credential || (s.credential !== 'none' && when.credential.includes(s.credential))) &&
    (!when.stages || when.stages.includes(s.report.stage)) &&
    (when.inspection === undefined || when.inspection === (s.report.tls?.inspection?.suspected === true)) &&
    (when.networkOnly === undefined || when.networkOnly === (input?.networkOnly === true)) &&
    (when.starttls === undefined || when.starttls === (input?.security === 'starttls'))
  );
}

function resolveEntry(entry: DiagnosisEntry, s: Situation): Omit<DiagnosisEntry, 'variants'> {
  const variant = entry.variants?.find((v) => applies(v.when, s));
  return {
    ...entry,
    ...(variant?.title ? { title: variant.title } : {}),
    ...(variant?.meaning ? { meaning: variant.meaning } : {}),
    ...(variant?.causes ? { causes: variant.causes } : {}),
    ...(variant?.actions ? { actions: variant.actions } : {}),
  };
}

function durationText(ms: number, tr: Translator): string {
  const minutes = Math.round(ms / 60_000);
  // Minutes and hours start at 2 here; only seconds can be exactly one.
  if (ms < 90_000) return tr.t('diagnosis:time.seconds', { count: Math.max(1, Math.round(ms / 1000)) });
  if (minutes < 120) return tr.t('diagnosis:time.minutes', { count: minutes });
  return tr.t('diagnosis:time.hours', { count: Math.round(minutes / 60) });
}

function sinceText(confirmedAt: Date | undefined, now: Date, tr: Translator): string {
  if (!confirmedAt) return tr.t('diagnosis:since.unknown');
  return tr.t('diagnosis:since.ago', { ago: durationText(Math.max(0, now.getTime() - confirmedAt.getTime()), tr) });
}

function placeholders(
  report: ProbeReport,
  tr: Translator,
  confirmedAt: Date | undefined,
  now: Date,
): Record<string, string> {
  const input = stageOf(report, 'input')?.details;
  const auth = stageOf(report, 'auth')?.details;
  const mailbox = stageOf(report, 'mailbox')?.details;
  const greeting = stageOf(report, 'greeting')?.details;
  const caps = stageOf(report, 'capabilities')?.details;
  const dns = stageOf(report, 'dns')?.details;
  const tls = report.tls;
  const leaf = tls?.chain[0];
  const decisive = report.stages.find((s) => s.stage === report.stage);
  const looksLike = greeting?.looksLike ? looksLikeKey(greeting.looksLike) : undefined;
  const backoffMs = auth?.backoffMs;
  const fields = [...new Set(input?.issues.map((i) => tr.t(fieldNameKey(i.field))) ?? [])];
  return {
    host: input?.host || '?',
    port: String(input?.port ?? '?'),
    user: input?.user || '?',
    fields: fields.join(', ') || '?',
    dnsError: dns?.error ?? '?',
    issuer: tls?.inspection?.issuer || leaf?.issuerName || tr.t('diagnosis:value.unknown'),
    product: tls?.inspection?.product ? ` (${tls.inspection.product})` : '',
    tlsError: tls?.authorizationError ?? tls?.error ?? tls?.hostnameError ?? '?',
    certNames: leaf?.subjectAltNames.map((n) => n.replace(/^(DNS|IP Address):/, '')).join(', ') || leaf?.subject || '?',
    validFrom: leaf?.validFrom ? formatDate(leaf.validFrom, tr.language) : '?',
    validTo: leaf?.validTo ? formatDate(leaf.validTo, tr.language) : '?',
    looksLike: looksLike ? ` (${tr.t(looksLike)})` : '',
    response: mailbox?.response ?? auth?.response ?? (greeting?.text || decisive?.note || '?'),
    backoff: backoffMs !== undefined ? durationText(backoffMs, tr) : tr.t('diagnosis:value.aFewMinutes'),
    mechanisms: caps?.authMechanisms.join(', ') || tr.t('diagnosis:value.none'),
    stageName: tr.t(stageNameKey(report.stage)),
    messages: mailbox?.messages === undefined ? '?' : formatNumber(mailbox.messages, tr.language),
    sinceConfirmed: sinceText(confirmedAt, now, tr),
  };
}

function evidenceOf(report: ProbeReport, tr: Translator): string[] {
  const label = (key: Parameters<Translator['t']>[0], value: string) => `${tr.t(key)}: ${value}`;
  const out: string[] = [];
  const dns = stageOf(report, 'dns')?.details;
  if (dns?.addresses.length)
    out.push(label('diagnosis:evidenceLabel.addresses', dns.addresses.map((a) => a.address).join(', ')));
  const tcp = stageOf(report, 'tcp')?.details;
  const failedAttempts = tcp?.attempts.filter((a) => a.result !== 'connected' && a.result !== 'not-tried') ?? [];
  if (failedAttempts.length)
    out.push(`TCP: ${failedAttempts.map((a) => `${a.address} ${a.result} (${a.ms} ms)`).join(', ')}`);
  const leaf = report.tls?.chain[0];
  if (leaf)
    out.push(
      label(
        'diagnosis:evidenceLabel.certificate',
        `${leaf.subject} — ${tr.t('diagnosis:evidenceLabel.issuedBy')} ${leaf.issuer}`,
      ),
    );
  if (report.server.greeting) out.push(label('diagnosis:evidenceLabel.greeting', report.server.greeting));
  const answer = stageOf(report, 'mailbox')?.details?.response ?? stageOf(report, 'auth')?.details?.response;
  if (answer && !report.ok) out.push(label('diagnosis:evidenceLabel.serverAnswer', answer));
  const sasl = stageOf(report, 'auth')?.details?.saslError;
  if (sasl) out.push(`SASL: ${sasl}`);
  return out;
}

/** Behind a permanent leading cause every other one is scaled below "possible", keeping their order. */
const BEHIND_PERMANENT = 0.25;

function situationOf(report: ProbeReport): Situation {
  return { product: productOf(report), credential: stageOf(report, 'input')?.details?.credential ?? 'none', report };
}

/** The entry's causes, most likely first, with the weight each is shown with. */
function rankCauses(entry: Omit<DiagnosisEntry, 'variants'>, hoursSinceConfirmed: number | undefined) {
  const weightOf = (cause: CauseEntry) =>
    cause.weighting === 'securityDefaultsAge' ? securityDefaultsWeight(hoursSinceConfirmed) : cause.weight;
  const ranked = entry.causes
    .map((cause, index) => ({ cause, index, weight: weightOf(cause) }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  if (!ranked[0]?.cause.permanent) return ranked;
  return ranked.map((r, i) => (i === 0 ? r : { ...r, weight: r.weight * BEHIND_PERMANENT }));
}

/**
 * True when the most likely cause of a failed test is one that neither waiting nor a retest can change (data:
 * `permanent` in the catalogue). Its rank does not depend on the confirmation time, so none is needed here.
 */
export function permanentVerdict(report: ProbeReport): boolean {
  if (report.ok || !(report.code in DIAGNOSES)) return false;
  const entry = resolveEntry(DIAGNOSES[report.code], situationOf(report));
  return rankCauses(entry, undefined)[0]?.cause.permanent === true;
}

/** The ranked, localized diagnosis for a report. */
export function diagnose(report: ProbeReport, options: DiagnoseOptions): DiagnosisCard {
  const { language, now } = options;
  const confirmedAt =
    options.securityDefaultsConfirmedAt === undefined ? undefined : new Date(options.securityDefaultsConfirmedAt);
  const situation = situationOf(report);
  const entry = resolveEntry(DIAGNOSES[report.code], situation);
  const tr = translator(language);
  const values = placeholders(report, tr, confirmedAt, now);
  const hours = confirmedAt ? (now.getTime() - confirmedAt.getTime()) / HOUR : undefined;
  const ranked = rankCauses(entry, hours);
  return {
    code: report.code,
    severity: entry.severity,
    stage: report.stage,
    product: situation.product,
    title: tr.t(entry.title, values),
    meaning: tr.t(entry.meaning, values),
    causes: ranked.map(({ cause, weight }) => ({
      id: cause.id,
      text: tr.t(cause.text, values),
      likelihood: likelihoodOf(weight),
    })),
    actions: entry.actions.map((a) => ({ id: a.id, text: tr.t(a.text, values) })),
    evidence: evidenceOf(report, tr),
  };
}
