/**
 * The visible words the wizard specs act on, per language — what a user reads and clicks — read from the app's
 * own catalogue (main/shared/text), so a spec never repeats a sentence the app defines.
 */
import { AGORUM_FIELD_LABELS } from '@shared/agorum/form';
import type { TextKey } from '@shared/text/keys';
import { type Language, LANGUAGES } from '@shared/text/resources';
import { stepTitleKey } from '@shared/text/titles';
import { type TextValues, type Translator, translator } from '@shared/text/translator';
import { TRACK_STEPS } from '@shared/wizard/tracks';

export type Lang = Language;

/** The German and English catalogue, for the specs' own lookups. */
export const de = translator('de').t;
export const en = translator('en').t;
export const textIn = (lang: Lang): Translator['t'] => translator(lang).t;

const CUT = '\uE000';
/**
 * The words of a text before its first placeholder, for "contains" checks where the value varies (a name, a
 * count of seconds): `Weiter: {{title}}` gives `Weiter:`.
 */
export function lead(lang: Lang, key: TextKey, placeholder: string, values: TextValues = {}): string {
  return translator(lang)
    .t(key, { ...values, [placeholder]: CUT })
    .split(CUT)[0]!
    .trim();
}

/** The words of a text after its last placeholder: `Die Verbindung „{{name}}“ ist angelegt.` gives `ist angelegt.`. */
export function tail(lang: Lang, key: TextKey, placeholder: string): string {
  return translator(lang)
    .t(key, { [placeholder]: CUT })
    .split(CUT)
    .at(-1)!
    .replace(/^[\s“”"'‘’»«]+/, '')
    .trim();
}

/** A text with its light markup (`<b>`, `<old>`, …) removed: what the page shows as its text content. */
export const plain = (text: string): string => text.replace(/<\/?\w+>/g, '');

/** The documented procedure's steps, in the order the step list shows them. */
export const STEPS = TRACK_STEPS['app-password'];
export type WizardStep = (typeof STEPS)[number];

function textsIn(lang: Lang) {
  const { t } = translator(lang);
  return {
    begin: t('wizard:start.begin'),
    language: t('common:header.language'),
    stepTitle: Object.fromEntries(STEPS.map((id) => [id, t(stepTitleKey(id))])) as Record<WizardStep, string>,
    name: t('wizard:profile.name'),
    user: t('wizard:profile.user'),
    server: t('wizard:profile.server'),
    host: t('wizard:profile.host'),
    port: t('wizard:profile.port'),
    create: t('wizard:profile.create'),
    created: tail(lang, 'wizard:profile.created', 'name'),
    checkNetwork: t('wizard:network.run'),
    networkOk: t('wizard:network.okTitle'),
    openEntra: t('wizard:securityDefaults.open'),
    openPerUserMfa: t('wizard:perUserMfa.openA'),
    openServiceSettings: t('wizard:perUserMfa.openB'),
    openSecurityInfo: t('wizard:appPassword.open'),
    done: t('wizard:done.confirm'),
    undo: t('wizard:done.undo'),
    advanced: t('wizard:test.advanced'),
    password: t('wizard:test.password'),
    show: t('wizard:test.show'),
    hide: t('wizard:test.hide'),
    runTest: t('wizard:test.run'),
    success: t('wizard:test.success'),
    inbox: t('wizard:test.inbox', { count: 3, formatted: '3' }),
    savedKeychain: t('wizard:test.secret.keychain'),
    copyPassword: t('wizard:agorum.copyLabel', { field: AGORUM_FIELD_LABELS.emailPassword }),
    agorumKeep: t('agorum:keep'),
    copiedSecret: lead(lang, 'wizard:agorum.copiedSecret', 'seconds'),
    enlarge: t('wizard:figure.enlarge'),
    close: t('wizard:dialog.close'),
    nextTo: lead(lang, 'wizard:nav.nextTo', 'title'),
    statusDone: lead(lang, 'wizard:status.doneAt', 'date'),
    statusOpen: t('wizard:status.open'),
    statusAttention: t('wizard:status.attention'),
    stepsNav: t('common:steps.navLabel'),
  };
}

export type Texts = ReturnType<typeof textsIn>;
export const TEXT = Object.fromEntries(LANGUAGES.map((lang) => [lang, textsIn(lang)])) as Record<Lang, Texts>;
