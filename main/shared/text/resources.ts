/**
 * The one text catalogue: every word the assistant shows, in German and English, one JSON file per namespace.
 * The renderer, main (reports, notifications, dialogs), the CLI and the tests all read it from here.
 */
import type { Language } from '../ipc/channels/app';
import deAgorum from './de/agorum.json' with { type: 'json' };
import deBridge from './de/bridge.json' with { type: 'json' };
import deCli from './de/cli.json' with { type: 'json' };
import deCommon from './de/common.json' with { type: 'json' };
import deDesktop from './de/desktop.json' with { type: 'json' };
import deDiagnosis from './de/diagnosis.json' with { type: 'json' };
import deErrors from './de/errors.json' with { type: 'json' };
import deFigures from './de/figures.json' with { type: 'json' };
import deNotices from './de/notices.json' with { type: 'json' };
import deOauth from './de/oauth.json' with { type: 'json' };
import deProbe from './de/probe.json' with { type: 'json' };
import deReport from './de/report.json' with { type: 'json' };
import deSignin from './de/signin.json' with { type: 'json' };
import deSupport from './de/support.json' with { type: 'json' };
import deTransfer from './de/transfer.json' with { type: 'json' };
import deWizard from './de/wizard.json' with { type: 'json' };
import enAgorum from './en/agorum.json' with { type: 'json' };
import enBridge from './en/bridge.json' with { type: 'json' };
import enCli from './en/cli.json' with { type: 'json' };
import enCommon from './en/common.json' with { type: 'json' };
import enDesktop from './en/desktop.json' with { type: 'json' };
import enDiagnosis from './en/diagnosis.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enFigures from './en/figures.json' with { type: 'json' };
import enNotices from './en/notices.json' with { type: 'json' };
import enOauth from './en/oauth.json' with { type: 'json' };
import enProbe from './en/probe.json' with { type: 'json' };
import enReport from './en/report.json' with { type: 'json' };
import enSignin from './en/signin.json' with { type: 'json' };
import enSupport from './en/support.json' with { type: 'json' };
import enTransfer from './en/transfer.json' with { type: 'json' };
import enWizard from './en/wizard.json' with { type: 'json' };

const de = {
  agorum: deAgorum,
  bridge: deBridge,
  cli: deCli,
  common: deCommon,
  desktop: deDesktop,
  diagnosis: deDiagnosis,
  errors: deErrors,
  figures: deFigures,
  notices: deNotices,
  oauth: deOauth,
  probe: deProbe,
  report: deReport,
  signin: deSignin,
  support: deSupport,
  transfer: deTransfer,
  wizard: deWizard,
};

/** German is the reference; English must have the same shape (a missing key fails the type-check here). */
export type Catalogue = typeof de;

const en: Catalogue = {
  agorum: enAgorum,
  bridge: enBridge,
  cli: enCli,
  common: enCommon,
  desktop: enDesktop,
  diagnosis: enDiagnosis,
  errors: enErrors,
  figures: enFigures,
  notices: enNotices,
  oauth: enOauth,
  probe: enProbe,
  report: enReport,
  signin: enSignin,
  support: enSupport,
  transfer: enTransfer,
  wizard: enWizard,
};

export type { Language };
export type Namespace = keyof Catalogue;

export const LANGUAGES: readonly Language[] = ['de', 'en'];
export const DEFAULT_LANGUAGE: Language = 'de';
export const DEFAULT_NAMESPACE = 'common' satisfies Namespace;
/** Locales for `Intl` formatting per language. */
export const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
export const resources: Record<Language, Catalogue> = { de, en };
export const namespaces = Object.keys(de) as Namespace[];
