import { diagnose } from '@shared/diagnosis/diagnose';
import { STAGE_LABELS } from '@shared/diagnosis/labels';
import type { Language } from '@shared/ipc/channels/app';
import { HANDOVER_LABELS, HANDOVER_NOTE, type HandoverValue } from '@shared/oauth/handover';
import type { Track } from '@shared/oauth/state';
import type { ProbeReport } from '@shared/probe/report';
import type { WizardProgress } from '@shared/profile/progress';
import { confirmedAtOf, hoursSinceConfirmed } from '@shared/wizard/elapsed';
import type { RetestState } from '@shared/wizard/retest';
import { stepStatus, type StepStatusView } from '@shared/wizard/step-status';
import type { WizardStepId } from '@shared/wizard/steps';
import { REGISTRATION_PARTS, type RegistrationPartId, stepsOfTrack } from '@shared/wizard/tracks';

import { escapeHtml as e, reportCsp } from './html';
import { REPORT_LABELS, type ReportLabels } from './labels';
import { type TestReportView, toTestReportView } from './test-report-view';

/** The profile fields a report may show; anything else on the object passed in is ignored. */
export interface ReportProfile {
  displayName: string;
  tenantLabel?: string;
  mailboxUser?: string;
  host: string;
  port: number;
  security: string;
  createdAt?: string;
  updatedAt?: string;
}

/**
 * What the report may say about the modern-authentication track: the chosen track, whether (and as whom) the
 * mailbox user is signed in, and the hand-over values. Deliberately no room for a token.
 */
export interface ReportOAuth {
  track: Track | null;
  registered: boolean;
  signedIn: boolean;
  account: { username: string; signedInAt: string } | null;
  handover: readonly HandoverValue[] | null;
}

export interface SetupReportInput {
  language: Language;
  generatedAt: Date;
  appName: string;
  appVersion: string;
  profile: ReportProfile;
  progress: Pick<WizardProgress, 'steps'>;
  /** Whether an app password is saved (null: could not be asked). Its value is never an input. */
  secretSaved?: boolean | null;
  /** The store's last report record: `{ recordedAt, report }` with the probe report as opaque JSON. */
  lastTest?: { recordedAt?: unknown; report?: unknown } | null;
  retest?: RetestState | null;
  /** The modern-auth facts; absent or null when unknown (the report then shows the documented procedure). */
  oauth?: ReportOAuth | null;
  /** IANA zone for printed times; the machine's zone when absent. */
  timeZone?: string;
}

const CSS = `
:root { color-scheme: light; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; font-size: 11pt; color: #1b1b1b; }
body { margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.8rem 0 .6rem; border-bottom: 2px solid #0f6cbd; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: .95rem; margin: .8rem 0 .3rem; }
ol { margin: .2rem 0; padding-left: 1.4rem; }
.meta, .hint { color: #555; font-size: .9rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.2rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f0f0f0; }
.status-done, .ok { color: #0e700e; font-weight: 600; }
.status-attention, .failed { color: #b10e1c; font-weight: 600; }
.status-open { color: #555; }
ul.earlier { margin: .2rem 0 0; padding-left: 1.1rem; color: #555; font-size: .85rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .8rem; background: #f7f7f7; border: 1px solid #ddd; padding: .6rem; }
.client { color: #0f4a85; }
.note { color: #666; font-style: italic; }
tr.part td:nth-child(-n+2) { padding-left: 1.4rem; color: #333; }
footer { margin-top: 2rem; font-size: .85rem; color: #555; border-top: 1px solid #ddd; padding-top: .5rem; }
@page { margin: 15mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr, dl { break-inside: avoid; } pre { break-inside: auto; } }
`;

function formatter(l: ReportLabels, timeZone: string | undefined) {
  const fmt = new Intl.DateTimeFormat(l.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
  return (value: unknown): string => {
    if (typeof value !== 'string' && !(value instanceof Date)) return e(l.none);
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return e(l.none);
    return `<time datetime="${e(date.toISOString())}">${e(fmt.format(date))}</time>`;
  };
}

const stageName = (stage: string | undefined, language: Language) =>
  stage === undefined
    ? undefined
    : ((STAGE_LABELS as Record<string, { de: string; en: string } | undefined>)[stage]?.[language] ?? stage);

const row = (label: string, valueHtml: string) => `<dt>${e(label)}</dt><dd>${valueHtml}</dd>`;
const orNone = (l: ReportLabels, value: unknown) =>
  e(value === undefined || value === null || value === '' ? l.none : value);

const isModernAuth = (input: SetupReportInput) => input.oauth?.track === 'modern-auth';

/** How the mailbox user signs in: the app password's keychain state, or the OAuth sign-in on that track. */
function credentialRow(input: SetupReportInput, l: ReportLabels, when: (v: unknown) => string): string {
  const account = input.oauth?.account;
  if (isModernAuth(input)) {
    return row(
      l.fields.signIn,
      input.oauth?.signedIn && account
        ? l.signIn.signedIn(e(account.username), when(account.signedInAt))
        : e(l.signIn.notSignedIn),
    );
  }
  const secret =
    input.secretSaved === true ? l.secret.saved : input.secretSaved === false ? l.secret.missing : l.secret.unknown;
  return row(l.fields.appPassword, e(secret));
}

function profileSection(input: SetupReportInput, l: ReportLabels, when: (v: unknown) => string): string {
  const p = input.profile;
  const track = input.oauth ? row(l.fields.track, e(input.oauth.track ? l.tracks[input.oauth.track] : l.none)) : '';
  return `<section><h2>${e(l.connection)}</h2><dl>
${row(l.fields.displayName, orNone(l, p.displayName))}
${row(l.fields.tenantLabel, orNone(l, p.tenantLabel))}
${row(l.fields.mailboxUser, orNone(l, p.mailboxUser))}
${row(l.fields.host, orNone(l, p.host))}
${row(l.fields.port, orNone(l, p.port))}
${row(l.fields.security, orNone(l, l.security[p.security] ?? p.security))}
${track}${credentialRow(input, l, when)}
${row(l.fields.createdAt, when(p.createdAt))}
${row(l.fields.updatedAt, when(p.updatedAt))}
</dl></section>`;
}

/** One row of the steps table: status as the wizard derives it, the confirmation with its age, earlier ones. */
function stepRow(
  input: SetupReportInput,
  l: ReportLabels,
  when: (v: unknown) => string,
  number: string,
  id: WizardStepId | RegistrationPartId,
  title: string,
  view: StepStatusView,
  part = false,
): string {
  const step = input.progress.steps[id];
  const at = view.status === 'open' ? null : view.at;
  const earlier = (step?.confirmations ?? []).filter((c) => c !== at);
  const earlierHtml = earlier.length
    ? `<ul class="earlier" aria-label="${e(l.earlierConfirmations)}">${earlier.map((c) => `<li>${when(c)}</li>`).join('')}</ul>`
    : '';
  // The age matters for confirmations (a Microsoft change may still be taking effect), not for derived facts.
  const hours =
    at !== null && step?.confirmedAt === at ? hoursSinceConfirmed(input.progress, input.generatedAt, id) : null;
  const age = hours === null ? '' : ` <span class="hint">(${e(l.hoursSince(hours.toFixed(1)))})</span>`;
  const status =
    view.status === 'open' && view.parts
      ? l.partial(view.parts.done, view.parts.total)
      : (l.status[view.status] ?? view.status);
  return (
    `<tr${part ? ' class="part"' : ''}><td>${e(number)}</td><td>${e(title)}</td><td class="status-${e(view.status)}">${e(status)}</td>` +
    `<td>${at ? when(at) + age : e(l.none)}${earlierHtml}</td><td>${orNone(l, step?.note)}</td></tr>`
  );
}

function stepsSection(input: SetupReportInput, l: ReportLabels, when: (v: unknown) => string): string {
  const facts = {
    steps: input.progress.steps,
    hasProfiles: true,
    profile: { createdAt: input.profile.createdAt ?? null },
    oauth: input.oauth
      ? {
          registered: input.oauth.registered,
          signedIn: input.oauth.signedIn,
          signedInAt: input.oauth.account?.signedInAt ?? null,
        }
      : null,
  };
  const rows = stepsOfTrack(input.oauth?.track).flatMap((id: WizardStepId, index) => {
    const main = stepRow(input, l, when, String(index + 1), id, l.stepTitles[id], stepStatus(id, facts));
    if (id !== 'oauthRegistration') return [main];
    // The registration's three Microsoft-side parts, each with its own confirmation.
    return [
      main,
      ...REGISTRATION_PARTS.map((part, i) =>
        stepRow(input, l, when, `${index + 1}.${i + 1}`, part, l.partTitles[part], stepStatus(part, facts), true),
      ),
    ];
  });
  const c = l.stepColumns;
  return `<section><h2>${e(l.steps)}</h2><table><thead><tr><th>#</th><th>${e(c.step)}</th><th>${e(c.status)}</th><th>${e(c.confirmedAt)}</th><th>${e(c.note)}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

/**
 * The diagnosis card for a failed test, as the wizard shows it (main/shared/diagnosis). The stored report is
 * opaque JSON; if it is too damaged for the diagnosis, the section is left out rather than failing the export.
 */
function diagnosisSection(input: SetupReportInput, view: TestReportView, l: ReportLabels): string {
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
    .map((c) => `<li>${e(c.text)} <span class="hint">(${e(l.likelihood[c.likelihood] ?? c.likelihood)})</span></li>`)
    .join('');
  const actions = card.actions.map((a) => `<li>${e(a.text)}</li>`).join('');
  return (
    `<h3>${e(l.diagnosis)}: ${e(card.title)}</h3><p>${e(card.meaning)}</p>` +
    (causes ? `<h4>${e(l.causes)}</h4><ol>${causes}</ol>` : '') +
    (actions ? `<h4>${e(l.actions)}</h4><ol>${actions}</ol>` : '')
  );
}

function testSection(
  input: SetupReportInput,
  view: TestReportView | undefined,
  l: ReportLabels,
  when: (v: unknown) => string,
): string {
  if (!view) return `<section><h2>${e(l.lastTest)}</h2><p>${e(l.noTest)}</p></section>`;
  const f = l.testFields;
  const result = view.ok ? `<span class="ok">${e(l.ok)}</span>` : `<span class="failed">${e(l.failed)}</span>`;
  const summary = [
    row(f.result, result),
    row(f.code, e(view.code)),
    row(f.stage, orNone(l, stageName(view.stage, input.language))),
    row(f.checkedAt, when(view.checkedAt ?? view.recordedAt)),
    row(f.duration, view.durationMs === undefined ? e(l.none) : `${e(Math.round(view.durationMs))} ms`),
    ...(view.messages === undefined ? [] : [row(f.messages, e(view.messages))]),
    row(f.server, orNone(l, view.server.product)),
    row(f.greeting, orNone(l, view.server.greeting)),
  ].join('\n');
  const sc = l.stageColumns;
  const stages = view.stages.length
    ? `<h3>${e(l.stages)}</h3><table><thead><tr><th>${e(sc.stage)}</th><th>${e(sc.status)}</th><th>${e(sc.ms)}</th><th>${e(sc.note)}</th></tr></thead><tbody>` +
      view.stages
        .map(
          (s) =>
            `<tr><td>${e(stageName(s.stage, input.language))}</td><td>${e(l.stageStatus[s.status] ?? s.status)}</td><td>${e(Math.round(s.ms))}</td><td>${orNone(l, s.note)}</td></tr>`,
        )
        .join('') +
      '</tbody></table>'
    : '';
  const t = view.tls;
  const tf = l.tlsFields;
  const tls = t
    ? `<h3>${e(l.tls)}</h3><dl>${[
        row(tf.verdict, orNone(l, t.verdict)),
        row(tf.protocol, orNone(l, t.protocol)),
        row(tf.subject, orNone(l, t.subject)),
        row(tf.issuer, orNone(l, t.issuer)),
        row(tf.validTo, orNone(l, t.validTo)),
        row(tf.fingerprint, orNone(l, t.fingerprint256)),
        ...(t.inspectionSuspected ? [row(tf.inspection, e(l.yes))] : []),
      ].join('\n')}</dl>`
    : '';
  const lines = view.transcript
    .map(
      (x) =>
        `<span class="${e(x.dir)}">${e(String(x.t).padStart(6))} ${x.dir === 'client' ? 'C:' : x.dir === 'server' ? 'S:' : '  '} ${e(x.line)}</span>`,
    )
    .join('\n');
  const transcript = view.transcript.length
    ? `<h3>${e(l.transcript)}</h3><p class="hint">${e(l.transcriptNote)}</p><pre>${lines}</pre>`
    : '';
  return `<section><h2>${e(l.lastTest)}</h2><dl>${summary}</dl>${diagnosisSection(input, view, l)}${stages}${tls}${transcript}</section>`;
}

/** On the modern-auth track: what an OAuth-capable adapter needs, with the shared labels and note. Never a token. */
function handoverSection(input: SetupReportInput, l: ReportLabels): string {
  if (!isModernAuth(input)) return '';
  const lang = input.language;
  const values = (input.oauth?.handover ?? []).filter((v) => Object.hasOwn(HANDOVER_LABELS, v.key));
  const body = values.length
    ? `<dl>${values.map((v) => row(HANDOVER_LABELS[v.key][lang], `<code>${e(v.value)}</code>`)).join('\n')}</dl>`
    : `<p>${e(l.handoverMissing)}</p>`;
  return `<section data-section="handover"><h2>${e(l.handover)}</h2><p class="hint">${e(HANDOVER_NOTE[lang])}</p>${body}</section>`;
}

function retestSection(retest: RetestState | null | undefined, l: ReportLabels, when: (v: unknown) => string): string {
  if (!retest) return '';
  const f = l.retestFields;
  const attempts = retest.attempts.map((a) => `${when(a.at)} ${e(a.code)}`).join(', ');
  return `<section><h2>${e(l.retest)}</h2><dl>
${row(f.status, e(l.retestStatus[retest.status] ?? retest.status))}
${row(f.startedAt, when(retest.startedAt))}
${row(f.attempts, attempts || e(l.none))}
${retest.nextAttemptAt ? row(f.nextAttemptAt, when(retest.nextAttemptAt)) : ''}
${retest.finishedAt ? row(f.finishedAt, when(retest.finishedAt)) : ''}
</dl></section>`;
}

/**
 * The setup report as one printable, self-contained HTML document: inline CSS admitted by hash, no scripts, no
 * external resources, every value escaped. Pure: the same input gives the same bytes.
 */
export function buildSetupReport(input: SetupReportInput): string {
  const l = REPORT_LABELS[input.language];
  const when = formatter(l, input.timeZone);
  const app = `${input.appName} ${input.appVersion}`;
  const heading = `${l.title}: ${input.profile.displayName}`;
  return `<!doctype html>
<html lang="${e(input.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(CSS)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(heading)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${e(heading)}</h1><p class="meta">${l.generated(when(input.generatedAt), e(app))}</p></header>
<main>
${profileSection(input, l, when)}
${stepsSection(input, l, when)}
${handoverSection(input, l)}
${testSection(input, toTestReportView(input.lastTest), l, when)}
${retestSection(input.retest, l, when)}
</main>
<footer>${e(l.footer)}</footer>
</body>
</html>
`;
}
