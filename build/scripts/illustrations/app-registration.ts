// Schematic pictures of the Entra app registration pages for the modern-auth track (drawn, not screenshots).
// Built with the wizard's illustration primitives so all step pictures share one look.
import { type labels } from './app-registration-labels';
import { at } from './figure-labels';
import {
  bar,
  button,
  buttonWidth,
  C,
  checkbox,
  copyIcon,
  dropdown,
  field,
  highlight,
  line,
  radio,
  rect,
  svgDoc,
  text,
  type Widen,
} from './lib';
import { entraMenu, entraPage, navList } from './page-parts';

const NATIVE = 'https://login.microsoftonline.com/common/oauth2/nativeclient';
const APP_ID = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
const OBJECT_ID = 'a41b0e2c-93d5-4c1e-b1f0-2f6f5d0c7e11';
const TENANT_ID = '72f988bf-0000-4000-8000-00000000c0de';
const W = 880;
const H = 540;

/** The tenant menu with App registrations selected (for the "new registration" page). */
type Labels = Widen<(typeof labels)['de']>;

function tenantPage(L: Labels, heading: string): string {
  const items = entraMenu(L.nav, { section: 2, pages: 4, selected: 6 });
  return entraPage(W, H, L, items, `${L.home} › ${L.appRegs} ›`, heading).svg;
}

/** An app registration's own menu with one blade selected. */
function appPage(L: Labels, selected: string, page: string): string {
  const { svg } = entraPage(W, H, L, [], `${L.home} › ${L.appRegs} ›`, `agorum-imap | ${page}`);
  const nav = navList(
    0,
    86,
    200,
    L.appNav.map((label) => ({ label, selected: label === selected })),
  );
  return svg + nav.svg;
}

export function renderRegister(L: Labels): string {
  const R = L.register;
  const out = [tenantPage(L, R.heading)];
  out.push(
    text(220, 162, `* ${R.name}`, { size: 12, weight: 600, fill: C.muted }),
    field(220, 170, 300, 'agorum-imap', { h: 28, size: 12 }),
  );
  out.push(text(220, 224, R.accounts, { size: 14, weight: 600 }));
  R.options.forEach((o, i) => out.push(radio(228, 248 + i * 26, i === 0), text(244, 252.5 + i * 26, o, { size: 12 })));
  out.push(line(220, 334.5, 860, 334.5));
  out.push(text(220, 360, R.redirect, { size: 14, weight: 600 }));
  out.push(
    dropdown(220, 372, 320, R.platform, { h: 28, size: 12 }),
    field(550, 372, 220, 'http://localhost', { h: 28, size: 12 }),
  );
  out.push(bar(220, 420, 380), bar(220, 434, 300), line(220, 470.5, 860, 470.5));
  out.push(button(220, 486, R.button, { primary: true }));
  out.push(highlight(218, 238, 600, 20, 4, R.pills.single, { label: [560, 204], badge: 'tr' }));
  out.push(highlight(220, 372, 550, 28, 5, R.pills.redirect, { label: [520, 412], badge: 'tr' }));
  out.push(
    highlight(220, 486, buttonWidth(R.button), 30, 6, R.pills.button, { label: [250 + buttonWidth(R.button), 488] }),
  );
  return svgFor(R.title, out);
}

export function renderPlatform(L: Labels): string {
  const P = L.platform;
  const out = [appPage(L, at(L.appNav, 2), P.page)];
  out.push(text(220, 162, P.configs, { size: 14, weight: 600 }), text(220, 186, P.add, { size: 13, fill: C.blue }));
  out.push(rect(220, 200, 640, 200, { rx: 6, fill: '#ffffff', stroke: '#e1dfdd' }));
  out.push(
    text(236, 226, P.mobile, { size: 14, weight: 600 }),
    text(236, 252, P.uris, { size: 12, weight: 600, fill: C.muted }),
  );
  out.push(checkbox(236, 264, true), text(258, 276, NATIVE, { size: 12 }));
  out.push(checkbox(236, 288, false), text(258, 300, 'msal5e3ce6c0://auth', { size: 12, fill: C.muted }));
  out.push(
    text(236, 332, P.custom, { size: 12, weight: 600, fill: C.muted }),
    field(236, 342, 320, 'http://localhost', { h: 28, size: 12 }),
  );
  out.push(text(220, 430, P.advanced, { size: 14, weight: 600 }), text(220, 456, P.publicFlows, { size: 13 }));
  out.push(
    rect(520, 442, 46, 24, { rx: 4, fill: '#ffffff', stroke: '#8a8886' }),
    text(543, 458.5, P.yes, { size: 12, anchor: 'middle' }),
  );
  out.push(
    rect(566, 442, 46, 24, { rx: 4, fill: C.blue, stroke: C.blue }),
    text(589, 458.5, P.no, { size: 12, anchor: 'middle', fill: '#ffffff', weight: 600 }),
  );
  out.push(button(220, 490, P.button, { primary: true }));
  // Badges on the right-hand corners: on the left they would cover the field labels above the outlines.
  out.push(highlight(234, 262, 552, 18, 3, P.pills.native, { label: [540, 226], badge: 'tr' }));
  out.push(highlight(236, 342, 320, 28, 2, P.pills.loopback, { label: [590, 343], badge: 'tr' }));
  out.push(rect(514, 438, 102, 32, { rx: 6, stroke: C.hl, sw: 2, dash: '5 4' }));
  out.push(text(630, 459, P.pills.publicFlows, { size: 13, weight: 600, fill: C.hl }));
  return svgFor(P.title, out);
}

export function renderPermissions(L: Labels): string {
  const P = L.permissions;
  const out = [appPage(L, at(L.appNav, 5), P.page)];
  out.push(text(220, 166, P.add, { size: 13, fill: C.blue }));
  out.push(
    rect(420, 150, 440, 26, { rx: 4, fill: '#ffffff', stroke: C.blue }),
    text(432, 167.5, P.grant, { size: 12, fill: C.blue }),
  );
  out.push(rect(220, 192, 640, 30, { fill: '#f3f2f1' }));
  out.push(
    text(230, 211, at(P.columns, 0), { size: 12, weight: 600 }),
    text(560, 211, at(P.columns, 1), { size: 12, weight: 600 }),
    text(640, 211, at(P.columns, 2), { size: 12, weight: 600 }),
  );
  out.push(text(230, 246, '▾ Microsoft Graph (4)', { size: 13, weight: 600 }));
  ['IMAP.AccessAsUser.All', 'offline_access', 'openid', 'email'].forEach((perm, i) => {
    const y = 276 + i * 32;
    out.push(line(220, y - 18, 860, y - 18), text(250, y, perm, { size: 13 }), text(560, y, P.delegated, { size: 12 }));
    out.push(
      `<circle cx="648" cy="${y - 4}" r="7" fill="${C.ok}"/><path d="M644 ${y - 4} l3 3 l5 -6" fill="none" stroke="#ffffff" stroke-width="1.6"/>`,
    );
    out.push(text(662, y, P.granted, { size: 12, fill: C.ok }));
  });
  out.push(bar(220, 420, 420), bar(220, 434, 340));
  out.push(highlight(246, 262, 290, 112, 2, P.pills.perms, { label: [250, 388], badge: 'l' }));
  out.push(highlight(420, 150, 440, 26, 3, P.pills.grant, { label: [640, 108] }));
  out.push(highlight(636, 262, 216, 112, 4));
  return svgFor(P.title, out);
}

export function renderIds(L: Labels): string {
  const I = L.ids;
  const out = [appPage(L, at(L.appNav, 0), I.page)];
  out.push(text(220, 166, I.essentials, { size: 14, weight: 600 }));
  const values = ['agorum-imap', APP_ID, OBJECT_ID, TENANT_ID] as const;
  I.rows.forEach((label, i) => {
    const y = 204 + i * 40;
    out.push(
      text(220, y, label, { size: 12, weight: 600, fill: C.muted }),
      text(420, y, values[i]!, { size: 13, fill: i === 0 ? C.blue : C.text }),
    );
    if (i > 0) out.push(copyIcon(740, y - 12));
  });
  out.push(bar(220, 400, 420), bar(220, 414, 360), bar(220, 428, 300));
  out.push(highlight(214, 228, 548, 22, 1));
  out.push(highlight(214, 306, 548, 26, 2, I.pills.copy, { label: [560, 348] }));
  out.push(rect(210, 262, 556, 34, { rx: 6, stroke: C.muted, sw: 2, dash: '5 4' }));
  out.push(
    rect(220, 348, 190, 26, { rx: 13, fill: '#ffffff', stroke: C.muted }),
    text(315, 365.5, I.pills.notObject, { size: 12, weight: 600, fill: C.muted, anchor: 'middle' }),
  );
  return svgFor(I.title, out);
}

const svgFor = (title: string, parts: string[]): string => svgDoc(W, H, title, parts.join('\n'));

export const pictures = {
  'oauth-register': renderRegister,
  'oauth-platform': renderPlatform,
  'oauth-permissions': renderPermissions,
  'oauth-ids': renderIds,
};
