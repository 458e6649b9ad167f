// Every step illustration by file name, with the label table it is drawn from.
import * as agorum from './agorum';
import * as appRegistration from './app-registration';
import { labels as appRegistrationLabels } from './app-registration-labels';
import * as mfaServiceSettings from './mfa-service-settings';
import * as morePasswords from './more-passwords';
import * as perUserMfa from './per-user-mfa';
import * as securityDefaults from './security-defaults';
import * as securityInfo from './security-info';

export const ILLUSTRATION_LANGUAGES = ['de', 'en'] as const;
export type IllustrationLanguage = (typeof ILLUSTRATION_LANGUAGES)[number];

export interface Illustration {
  /** File name without `.svg`, as the renderer's Illustration component asks for it. */
  name: string;
  render(lang: IllustrationLanguage): string;
}

/** Pairs a label table with a function drawing from it; the English table is checked against the German shape. */
function picture<L>(name: string, labels: Record<IllustrationLanguage, L>, render: (l: L) => string): Illustration {
  return { name, render: (lang) => render(labels[lang]) };
}

export const illustrations: readonly Illustration[] = [
  picture('security-defaults', securityDefaults.labels, securityDefaults.render),
  picture('per-user-mfa', perUserMfa.labels, perUserMfa.render),
  picture('mfa-service-settings', mfaServiceSettings.labels, mfaServiceSettings.render),
  picture('app-password-add', securityInfo.labels, securityInfo.renderAdd),
  picture('app-password-copy', securityInfo.labels, securityInfo.renderCopy),
  picture('security-info-list', securityInfo.labels, securityInfo.renderList),
  picture('more-passwords', morePasswords.labels, morePasswords.render),
  picture('agorum-mail-adapter', agorum.labels, agorum.render),
  ...Object.entries(appRegistration.pictures).map(([name, render]) => picture(name, appRegistrationLabels, render)),
];
