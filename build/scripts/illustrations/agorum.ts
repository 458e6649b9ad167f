import { bar, button, buttonWidth, C, dropdown, field, highlight, rect, svgDoc, text, type Widen } from './lib';
import { frame } from './page-parts';

// agorum core's own field names are German in both versions: they are what the admin sees in agorum core.
export const labels = {
  de: {
    title:
      'Schema (vereinfacht): die Administrationsseite des Mail-Adapters in agorum core mit den Feldern Name, Server-Typ, E-Mail-Host, E-Mail-Pfad, E-Mail-Benutzer und E-Mail-Passwort',
    pills: {
      type: 'Server-Typ wählen',
      host: 'E-Mail-Host',
      user: 'E-Mail-Benutzer',
      pw: 'App-Kennwort einfügen',
      test: 'Zum Schluss testen',
    },
    ok: 'Die Verbindung war erfolgreich.',
  },
  en: {
    title:
      'Schematic (simplified): the agorum core mail adapter administration page with the fields Name, Server-Typ (server type), E-Mail-Host, E-Mail-Pfad (path), E-Mail-Benutzer (user) and E-Mail-Passwort (password)',
    pills: {
      type: 'Choose the Server-Typ',
      host: 'Mail host',
      user: 'Mail user',
      pw: 'Paste the app password',
      test: 'Test at the end',
    },
    ok: 'Die Verbindung war erfolgreich.',
  },
} as const;

type Labels = Widen<(typeof labels)['de']>;

export function render(L: Labels): string {
  const W = 880;
  const H = 544;
  const out = [frame(W, H, 'agorum core', 'agorum core', { headerFill: '#3c3c3c', initials: 'AD' })];
  out.push(text(40, 116, 'Mail-Adapter', { size: 18, weight: 600 }));
  const fx = 200;
  const fw = 300;
  const rowY = (i: number) => 136 + i * 46;
  const rows: [string, string][] = [
    ['Name', 'Posteingang Rechnungen'],
    ['Server-Typ', ''],
    ['E-Mail-Host', 'outlook.office365.com'],
    ['E-Mail-Pfad', ''],
    ['E-Mail-Benutzer', 'agorum-imap@beispiel.de'],
    ['E-Mail-Passwort', '••••••••••••••••'],
  ];
  rows.forEach(([label, value], i) => {
    const y = rowY(i);
    out.push(text(40, y + 20, label, { size: 13, weight: 600, fill: C.muted }));
    if (i === 1) out.push(dropdown(fx, y, fw, 'IMAPS'));
    else out.push(value ? field(fx, y, fw, value) : rect(fx, y, fw, 30, { rx: 4, fill: '#ffffff', stroke: '#8a8886' }));
  });
  out.push(bar(fx, rowY(6) + 4, 200, { h: 16, fill: '#f0f0f0' }));
  const by = rowY(6) + 36;
  const testLabel = 'Verbindung testen und Ordner abrufen';
  const bw = buttonWidth(testLabel);
  out.push(button(fx, by, testLabel, { primary: true, w: bw }));
  const ox = fx + bw + 26;
  out.push(
    `<circle cx="${ox}" cy="${by + 15}" r="8" fill="${C.ok}"/><path d="M${ox - 4} ${by + 15} l3 3 l6 -6" fill="none" stroke="#ffffff" stroke-width="2"/>`,
  );
  out.push(text(ox + 14, by + 19.5, L.ok, { size: 13, fill: C.ok, weight: 600 }));
  const px = fx + fw + 30;
  out.push(highlight(fx, rowY(1), fw, 30, 2, L.pills.type, { label: [px, rowY(1) + 2] }));
  out.push(highlight(fx, rowY(2), fw, 30, 3, L.pills.host, { label: [px, rowY(2) + 2] }));
  out.push(highlight(fx, rowY(4), fw, 30, 4, L.pills.user, { label: [px, rowY(4) + 2] }));
  out.push(highlight(fx, rowY(5), fw, 30, 5, L.pills.pw, { label: [px, rowY(5) + 2] }));
  out.push(highlight(fx, by, bw, 30, 6, L.pills.test, { label: [24, by + 44], badge: 'tr' }));
  return svgDoc(W, H, L.title, out.join('\n'));
}
