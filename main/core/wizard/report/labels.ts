import type { Language } from '@shared/ipc/channels/app';
import type { Track } from '@shared/oauth/state';
import type { WizardStepId } from '@shared/wizard/steps';
import type { RegistrationPartId } from '@shared/wizard/tracks';

/**
 * Text of the printable setup report. Step titles follow the wizard's (renderer/src/i18n/<lang>/wizard.json);
 * the report is built in main, which cannot load the renderer's resources, so they are repeated here.
 */
export interface ReportLabels {
  locale: string;
  title: string;
  /** Takes already-escaped HTML for both parts; the sentence around them is constant text. */
  generated: (whenHtml: string, appHtml: string) => string;
  connection: string;
  fields: {
    displayName: string;
    tenantLabel: string;
    mailboxUser: string;
    host: string;
    port: string;
    security: string;
    appPassword: string;
    track: string;
    signIn: string;
    createdAt: string;
    updatedAt: string;
  };
  tracks: Record<Track, string>;
  /** Takes already-escaped HTML for both values. */
  signIn: { signedIn: (userHtml: string, whenHtml: string) => string; notSignedIn: string };
  security: Record<string, string>;
  secret: { saved: string; missing: string; unknown: string };
  steps: string;
  stepColumns: { step: string; status: string; confirmedAt: string; note: string };
  stepTitles: Record<WizardStepId, string>;
  partTitles: Record<RegistrationPartId, string>;
  status: Record<string, string>;
  partial: (done: number, total: number) => string;
  handover: string;
  handoverMissing: string;
  earlierConfirmations: string;
  hoursSince: (hours: string) => string;
  lastTest: string;
  noTest: string;
  testFields: {
    result: string;
    code: string;
    stage: string;
    checkedAt: string;
    duration: string;
    messages: string;
    server: string;
    greeting: string;
  };
  ok: string;
  failed: string;
  stages: string;
  stageStatus: Record<string, string>;
  diagnosis: string;
  causes: string;
  actions: string;
  likelihood: Record<string, string>;
  stageColumns: { stage: string; status: string; ms: string; note: string };
  tls: string;
  tlsFields: {
    verdict: string;
    protocol: string;
    subject: string;
    issuer: string;
    validTo: string;
    fingerprint: string;
    inspection: string;
  };
  yes: string;
  transcript: string;
  transcriptNote: string;
  retest: string;
  retestFields: { status: string; startedAt: string; attempts: string; nextAttemptAt: string; finishedAt: string };
  retestStatus: Record<string, string>;
  footer: string;
  none: string;
}

const de: ReportLabels = {
  locale: 'de-DE',
  title: 'Einrichtungsbericht',
  generated: (when, app) => `Erstellt am ${when} mit ${app}.`,
  connection: 'Verbindung',
  fields: {
    displayName: 'Name',
    tenantLabel: 'Mandant',
    mailboxUser: 'E-Mail-Benutzer',
    host: 'E-Mail-Host',
    port: 'Port',
    security: 'Verschlüsselung',
    appPassword: 'App-Kennwort',
    track: 'Weg',
    signIn: 'Anmeldung (OAuth 2.0)',
    createdAt: 'Angelegt',
    updatedAt: 'Zuletzt geändert',
  },
  security: { tls: 'TLS (IMAPS)', starttls: 'STARTTLS' },
  tracks: {
    'app-password': 'App-Kennwort (Dokumentation 2022)',
    'modern-auth': 'Moderne Authentifizierung (OAuth 2.0)',
  },
  signIn: {
    signedIn: (user, when) =>
      `angemeldet als ${user} seit ${when}; das Aktualisierungstoken liegt im Schlüsselbund (nicht Teil dieses Berichts)`,
    notSignedIn: 'nicht angemeldet',
  },
  secret: {
    saved: 'im Schlüsselbund gespeichert (nicht Teil dieses Berichts)',
    missing: 'nicht gespeichert',
    unknown: 'unbekannt',
  },
  steps: 'Schritte',
  stepColumns: { step: 'Schritt', status: 'Status', confirmedAt: 'Erledigt am', note: 'Notiz' },
  stepTitles: {
    start: 'Start',
    profile: 'Verbindung anlegen',
    network: 'Netzwerk prüfen',
    securityDefaults: 'Sicherheitsstandards ausschalten',
    perUserMfa: 'MFA pro Benutzer erzwingen',
    appPassword: 'App-Kennwort erstellen',
    test: 'Verbindung testen',
    agorum: 'In agorum core eintragen',
    morePasswords: 'Weitere App-Kennwörter',
    modernAuth: 'Weg wählen',
    oauthRegistration: 'App in Entra registrieren',
    oauthIds: 'IDs eintragen',
    oauthSignIn: 'Als Postfachbenutzer anmelden',
    oauthTest: 'Mit XOAUTH2 testen',
    oauthHandover: 'Werte für den Mail-Adapter',
  },
  partTitles: {
    oauthRegister: 'App registrieren',
    oauthPlatform: 'Plattform und Umleitungs-URI',
    oauthPermissions: 'API-Berechtigungen',
  },
  status: { open: 'offen', done: 'erledigt', attention: 'prüfen' },
  partial: (done, total) => `${done} von ${total} erledigt`,
  handover: 'Übergabe: Werte für einen OAuth-fähigen Mail-Adapter',
  handoverMissing: 'Die IDs der App-Registrierung sind noch nicht eingetragen.',
  earlierConfirmations: 'Frühere Bestätigungen',
  hoursSince: (h) => `vor ${h} Std.`,
  lastTest: 'Letzter Verbindungstest',
  noTest: 'Es wurde noch kein Verbindungstest gespeichert.',
  testFields: {
    result: 'Ergebnis',
    code: 'Code',
    stage: 'Entscheidende Stufe',
    checkedAt: 'Geprüft am',
    duration: 'Dauer',
    messages: 'Nachrichten im Posteingang',
    server: 'Server',
    greeting: 'Begrüßung',
  },
  ok: 'Die Verbindung war erfolgreich.',
  failed: 'Fehlgeschlagen',
  stages: 'Stufen',
  stageStatus: { ok: 'in Ordnung', failed: 'fehlgeschlagen', skipped: 'übersprungen' },
  diagnosis: 'Diagnose',
  causes: 'Mögliche Ursachen',
  actions: 'Was zu tun ist',
  likelihood: { high: 'wahrscheinlich', medium: 'möglich', low: 'weniger wahrscheinlich' },
  stageColumns: { stage: 'Stufe', status: 'Status', ms: 'Zeit (ms)', note: 'Hinweis' },
  tls: 'TLS-Zertifikat',
  tlsFields: {
    verdict: 'Bewertung',
    protocol: 'Protokoll',
    subject: 'Ausgestellt für',
    issuer: 'Aussteller',
    validTo: 'Gültig bis',
    fingerprint: 'SHA-256-Fingerabdruck',
    inspection: 'TLS-Inspektion vermutet',
  },
  yes: 'ja',
  transcript: 'Protokoll (maskiert)',
  transcriptNote: 'Vom Assistenten gesendete Anmeldedaten sind durch **** ersetzt.',
  retest: 'Automatische Wiederholung',
  retestFields: {
    status: 'Status',
    startedAt: 'Gestartet',
    attempts: 'Versuche',
    nextAttemptAt: 'Nächster Versuch',
    finishedAt: 'Beendet',
  },
  retestStatus: {
    scheduled: 'geplant',
    running: 'läuft',
    succeeded: 'erfolgreich beendet',
    'gave-up': 'aufgegeben',
    stopped: 'angehalten (anderer Fehler)',
    cancelled: 'abgebrochen',
  },
  footer: 'Dieser Bericht enthält keine Kennwörter, App-Kennwörter oder Tokens.',
  none: '–',
};

const en: ReportLabels = {
  locale: 'en-GB',
  title: 'Setup report',
  generated: (when, app) => `Created on ${when} with ${app}.`,
  connection: 'Connection',
  fields: {
    displayName: 'Name',
    tenantLabel: 'Tenant',
    mailboxUser: 'Mailbox user (E-Mail-Benutzer)',
    host: 'Mail host (E-Mail-Host)',
    port: 'Port',
    security: 'Encryption',
    appPassword: 'App password',
    track: 'Route',
    signIn: 'Sign-in (OAuth 2.0)',
    createdAt: 'Created',
    updatedAt: 'Last changed',
  },
  security: { tls: 'TLS (IMAPS)', starttls: 'STARTTLS' },
  tracks: { 'app-password': 'App password (2022 documentation)', 'modern-auth': 'Modern authentication (OAuth 2.0)' },
  signIn: {
    signedIn: (user, when) =>
      `signed in as ${user} since ${when}; the refresh token is in the keychain (not part of this report)`,
    notSignedIn: 'not signed in',
  },
  secret: { saved: 'saved in the keychain (not part of this report)', missing: 'not saved', unknown: 'unknown' },
  steps: 'Steps',
  stepColumns: { step: 'Step', status: 'Status', confirmedAt: 'Done on', note: 'Note' },
  stepTitles: {
    start: 'Start',
    profile: 'Set up the connection',
    network: 'Check the network',
    securityDefaults: 'Turn off security defaults',
    perUserMfa: 'Enforce per-user MFA',
    appPassword: 'Create the app password',
    test: 'Test the connection',
    agorum: 'Enter it in agorum core',
    morePasswords: 'More app passwords',
    modernAuth: 'Choose the route',
    oauthRegistration: 'Register the app in Entra',
    oauthIds: 'Enter the IDs',
    oauthSignIn: 'Sign in as the mailbox user',
    oauthTest: 'Test with XOAUTH2',
    oauthHandover: 'Values for the mail adapter',
  },
  partTitles: {
    oauthRegister: 'Register the app',
    oauthPlatform: 'Platform and redirect URI',
    oauthPermissions: 'API permissions',
  },
  status: { open: 'open', done: 'done', attention: 'needs attention' },
  partial: (done, total) => `${done} of ${total} done`,
  handover: 'Hand-over: values for an OAuth-capable mail adapter',
  handoverMissing: 'The IDs of the app registration have not been entered yet.',
  earlierConfirmations: 'Earlier confirmations',
  hoursSince: (h) => `${h} h ago`,
  lastTest: 'Last connection test',
  noTest: 'No connection test has been saved yet.',
  testFields: {
    result: 'Result',
    code: 'Code',
    stage: 'Deciding stage',
    checkedAt: 'Checked on',
    duration: 'Duration',
    messages: 'Messages in the inbox',
    server: 'Server',
    greeting: 'Greeting',
  },
  ok: 'The connection was successful.',
  failed: 'Failed',
  stages: 'Stages',
  stageStatus: { ok: 'ok', failed: 'failed', skipped: 'skipped' },
  diagnosis: 'Diagnosis',
  causes: 'Likely causes',
  actions: 'What to do',
  likelihood: { high: 'likely', medium: 'possible', low: 'less likely' },
  stageColumns: { stage: 'Stage', status: 'Status', ms: 'Time (ms)', note: 'Note' },
  tls: 'TLS certificate',
  tlsFields: {
    verdict: 'Verdict',
    protocol: 'Protocol',
    subject: 'Issued to',
    issuer: 'Issuer',
    validTo: 'Valid until',
    fingerprint: 'SHA-256 fingerprint',
    inspection: 'TLS inspection suspected',
  },
  yes: 'yes',
  transcript: 'Transcript (masked)',
  transcriptNote: 'Credentials the assistant sent are replaced by ****.',
  retest: 'Automatic retest',
  retestFields: {
    status: 'Status',
    startedAt: 'Started',
    attempts: 'Attempts',
    nextAttemptAt: 'Next attempt',
    finishedAt: 'Ended',
  },
  retestStatus: {
    scheduled: 'scheduled',
    running: 'running',
    succeeded: 'ended with success',
    'gave-up': 'gave up',
    stopped: 'stopped (different error)',
    cancelled: 'cancelled',
  },
  footer: 'This report contains no passwords, app passwords or tokens.',
  none: '–',
};

export const REPORT_LABELS: Record<Language, ReportLabels> = { de, en };
