/**
 * Writes the step illustrations (schematic SVGs of the Microsoft and agorum pages, per language) to
 * assets/screenshots/<locale>/. Run after changing a label or a layout:  node build/scripts/illustrations/generate.mjs
 * Not part of the app bundle: nothing imports these files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import * as agorum from './agorum.mjs';
import * as mfaServiceSettings from './mfa-service-settings.mjs';
import * as morePasswords from './more-passwords.mjs';
import * as perUserMfa from './per-user-mfa.mjs';
import * as securityDefaults from './security-defaults.mjs';
import * as securityInfo from './security-info.mjs';

const out = fileURLToPath(new URL('../../../assets/screenshots', import.meta.url));

const pictures = {
  'security-defaults': [securityDefaults.labels, securityDefaults.render],
  'per-user-mfa': [perUserMfa.labels, perUserMfa.render],
  'mfa-service-settings': [mfaServiceSettings.labels, mfaServiceSettings.render],
  'app-password-add': [securityInfo.labels, securityInfo.renderAdd],
  'app-password-copy': [securityInfo.labels, securityInfo.renderCopy],
  'security-info-list': [securityInfo.labels, securityInfo.renderList],
  'more-passwords': [morePasswords.labels, morePasswords.render],
  'agorum-mail-adapter': [agorum.labels, agorum.render],
};

for (const [name, [labels, render]] of Object.entries(pictures)) {
  for (const lang of ['de', 'en']) {
    mkdirSync(`${out}/${lang}`, { recursive: true });
    writeFileSync(`${out}/${lang}/${name}.svg`, render(labels[lang]));
  }
}
console.log(`wrote ${Object.keys(pictures).length * 2} illustrations to ${out}`);
