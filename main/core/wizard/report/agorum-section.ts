/** The report's copy of agorum's form: the same fields, order and notes as the wizard shows, secrets named only. */
import { type AgorumEntry, agorumForm, type AgorumRoute } from '@shared/agorum/form';

import type { SetupReportInput } from './build-report';
import { escapeHtml as e } from './html';
import { type ReportText, row } from './report-text';

function entryHtml(entry: AgorumEntry, r: ReportText): string {
  switch (entry.kind) {
    case 'value':
      return `<code>${e(entry.value)}</code>`;
    case 'secret':
      return r.text('agorum:secretInReport', { secret: r.tr.t(`agorum:secret.${entry.secret}`) });
    case 'keep':
      return `<em>${r.text('agorum:keep')}</em>`;
    case 'none':
      return `<em>${r.text('agorum:none')}</em>`;
  }
}

export function agorumSection(input: SetupReportInput, r: ReportText): string {
  const p = input.profile;
  const track = input.oauth?.track;
  const route: AgorumRoute =
    track === 'bridge' && input.bridge
      ? { route: 'bridge', listenHost: input.bridge.listenHost, serverType: input.bridge.serverType }
      : track === 'modern-auth' || track === 'bridge'
        ? { route: 'modern-auth' }
        : { route: 'app-password' };
  const security = p.security === 'starttls' ? 'starttls' : 'tls';
  const fields = agorumForm(
    { name: p.displayName, host: p.host, port: p.port, security, user: p.mailboxUser ?? '' },
    route,
  );
  const rows = fields.map((f) => {
    const note = f.note ? `<br><span class="hint">${r.text(f.note.key, f.note.values)}</span>` : '';
    return row(e(f.label), entryHtml(f.entry, r) + note);
  });
  return (
    `<section data-section="agorum"><h2>${r.text('agorum:formTitle')}</h2><p class="hint">${r.text('agorum:formIntro')}</p>` +
    `<dl>${rows.join('\n')}</dl>` +
    `<h3>${r.text('agorum:fromHere.title')}</h3><p>${r.text('agorum:fromHere.text', { port: p.port })}</p></section>`
  );
}
