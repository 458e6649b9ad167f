import type { ServerTypeId } from '@shared/bridge/server-type';
import type { Language } from '@shared/ipc/channels/app';
import { handoverLabelKey, type HandoverValue, isHandoverKey } from '@shared/oauth/handover';
import type { Track } from '@shared/oauth/state';
import type { WizardProgress } from '@shared/profile/progress';
import { formatAgo } from '@shared/text/format';
import type { Catalogue } from '@shared/text/resources';
import { partTitleKey, stepTitleKey, trackTitleKey } from '@shared/text/titles';
import { hoursSinceConfirmed } from '@shared/wizard/elapsed';
import type { RetestState } from '@shared/wizard/retest';
import { stepStatus, type StepStatusView } from '@shared/wizard/step-status';
import type { WizardStepId } from '@shared/wizard/steps';
import { REGISTRATION_PARTS, type RegistrationPartId, stepsOfTrack } from '@shared/wizard/tracks';

import { agorumSection } from './agorum-section';
import { escapeHtml as e, reportCsp } from './html';
import { CSS } from './report-style';
import { NONE, orNone, type ReportText, reportText, row } from './report-text';
import { toTestReportView } from './test-report-view';
import { retestSection, testSection } from './test-section';

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
  /** The OAuth bridge agorum core logs in to, on the bridge route; null or absent without one. */
  bridge?: ReportBridge | null;
  /** IANA zone for printed times; the machine's zone when absent. */
  timeZone?: string;
}

/** What agorum's form needs of the bridge: its address (E-Mail-Host) and Server-Typ. Never its password. */
export interface ReportBridge {
  listenHost: string;
  serverType: ServerTypeId;
}

const isModernAuth = (input: SetupReportInput) => input.oauth?.track === 'modern-auth';

const field = (r: ReportText, key: keyof Catalogue['report']['fields']) => r.text(`report:fields.${key}`);

/** How the mailbox user signs in: the app password's keychain state, or the OAuth sign-in on that track. */
function credentialRow(input: SetupReportInput, r: ReportText): string {
  const account = input.oauth?.account;
  if (isModernAuth(input)) {
    return row(
      field(r, 'signIn'),
      input.oauth?.signedIn && account
        ? r.html('report:signIn.signedIn', { user: e(account.username), when: r.when(account.signedInAt) })
        : r.text('report:signIn.notSignedIn'),
    );
  }
  const secret = input.secretSaved === true ? 'saved' : input.secretSaved === false ? 'missing' : 'unknown';
  return row(field(r, 'appPassword'), r.text(`report:secret.${secret}`));
}

function profileSection(input: SetupReportInput, r: ReportText): string {
  const p = input.profile;
  const track = input.oauth
    ? row(field(r, 'track'), input.oauth.track ? r.text(trackTitleKey(input.oauth.track)) : e(NONE))
    : '';
  const security = p.security === 'tls' || p.security === 'starttls' ? r.text(`report:security.${p.security}`) : null;
  return `<section><h2>${r.text('report:connection')}</h2><dl>
${row(field(r, 'displayName'), orNone(p.displayName))}
${row(field(r, 'tenantLabel'), orNone(p.tenantLabel))}
${row(field(r, 'mailboxUser'), orNone(p.mailboxUser))}
${row(field(r, 'host'), orNone(p.host))}
${row(field(r, 'port'), orNone(p.port))}
${row(field(r, 'security'), security ?? orNone(p.security))}
${track}${credentialRow(input, r)}
${row(field(r, 'createdAt'), r.when(p.createdAt))}
${row(field(r, 'updatedAt'), r.when(p.updatedAt))}
</dl></section>`;
}

/** One row of the steps table: status as the wizard derives it, the confirmation with its age, earlier ones. */
function stepRow(
  input: SetupReportInput,
  r: ReportText,
  number: string,
  id: WizardStepId | RegistrationPartId,
  titleHtml: string,
  view: StepStatusView,
  part = false,
): string {
  const step = input.progress.steps[id];
  const at = view.status === 'open' ? null : view.at;
  const earlier = (step?.confirmations ?? []).filter((c) => c !== at);
  const earlierHtml = earlier.length
    ? `<ul class="earlier" aria-label="${r.text('report:earlierConfirmations')}">${earlier.map((c) => `<li>${r.when(c)}</li>`).join('')}</ul>`
    : '';
  // The age matters for confirmations (a Microsoft change may still be taking effect), not for derived facts.
  const confirmed =
    at !== null && step?.confirmedAt === at && hoursSinceConfirmed(input.progress, input.generatedAt, id) !== null;
  const age = confirmed ? ` <span class="hint">(${e(formatAgo(at, input.generatedAt, input.language))})</span>` : '';
  const status =
    view.status === 'open' && view.parts
      ? r.text('wizard:status.partial', { done: view.parts.done, total: view.parts.total })
      : r.text(`wizard:status.${view.status}`);
  return (
    `<tr${part ? ' class="part"' : ''}><td>${e(number)}</td><td>${titleHtml}</td><td class="status-${e(view.status)}">${status}</td>` +
    `<td>${at ? r.when(at) + age : e(NONE)}${earlierHtml}</td><td>${orNone(step?.note)}</td></tr>`
  );
}

function stepsSection(input: SetupReportInput, r: ReportText): string {
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
    const main = stepRow(input, r, String(index + 1), id, r.text(stepTitleKey(id)), stepStatus(id, facts));
    if (id !== 'oauthRegistration') return [main];
    // The registration's three Microsoft-side parts, each with its own confirmation.
    return [
      main,
      ...REGISTRATION_PARTS.map((part, i) =>
        stepRow(input, r, `${index + 1}.${i + 1}`, part, r.text(partTitleKey(part)), stepStatus(part, facts), true),
      ),
    ];
  });
  const th = (key: keyof Catalogue['report']['stepColumns']) => `<th>${r.text(`report:stepColumns.${key}`)}</th>`;
  return `<section><h2>${r.text('report:steps')}</h2><table><thead><tr><th>#</th>${th('step')}${th('status')}${th('confirmedAt')}${th('note')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

/** On the modern-auth track: what an OAuth-capable adapter needs, with the shared labels and note. Never a token. */
function handoverSection(input: SetupReportInput, r: ReportText): string {
  if (!isModernAuth(input)) return '';
  const values = (input.oauth?.handover ?? [])
    .filter((v) => isHandoverKey(v.key))
    .map((v) => row(r.text(handoverLabelKey(v.key)), `<code>${e(v.value)}</code>`));
  const body = values.length ? `<dl>${values.join('\n')}</dl>` : `<p>${r.text('report:handoverMissing')}</p>`;
  return `<section data-section="handover"><h2>${r.text('report:handover')}</h2><p class="hint">${r.text('report:handoverNote')}</p>${body}</section>`;
}

/**
 * The setup report as one printable, self-contained HTML document: inline CSS admitted by hash, no scripts, no
 * external resources, every value escaped. Pure: the same input gives the same bytes.
 */
export function buildSetupReport(input: SetupReportInput): string {
  const r = reportText(input.language, input.timeZone);
  const app = `${input.appName} ${input.appVersion}`;
  const heading = `${r.tr.t('report:title')}: ${input.profile.displayName}`;
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
<header><h1>${e(heading)}</h1><p class="meta">${r.html('report:generated', { when: r.when(input.generatedAt), app: e(app) })}</p></header>
<main>
${profileSection(input, r)}
${stepsSection(input, r)}
${agorumSection(input, r)}
${handoverSection(input, r)}
${testSection(input, toTestReportView(input.lastTest), r)}
${retestSection(input.retest, r)}
</main>
<footer>${r.text('report:footer')}</footer>
</body>
</html>
`;
}
