/**
 * Diagnoses for login and mailbox access. The Exchange Online variants tell the truth about today: IMAP with a
 * password (an app password included) is switched off there for good, so that cause leads as a permanent one with
 * the single action that helps, and the "security defaults not yet in effect" hint is weighted by how long ago the
 * admin confirmed that step.
 */
import type { ActionEntry, CauseEntry, DiagnosisEntry } from './types';

const imapDisabled = (weight: number): CauseEntry => ({
  id: 'imap-disabled-for-mailbox',
  weight,
  text: {
    de: 'IMAP ist für dieses Postfach ausgeschaltet (Microsoft 365 Admin Center → Benutzer → Aktive Benutzer → Benutzer → E-Mail → E-Mail-Apps verwalten → IMAP).',
    en: 'IMAP is switched off for this mailbox (Microsoft 365 admin center → Users → Active users → user → Mail → Manage email apps → IMAP).',
  },
});

const enableImap: ActionEntry = {
  id: 'enable-imap',
  text: {
    de: 'Prüfen Sie im Microsoft 365 Admin Center, ob IMAP für das Postfach eingeschaltet ist.',
    en: 'Check in the Microsoft 365 admin center that IMAP is switched on for the mailbox.',
  },
};

const lockoutCare: ActionEntry = {
  id: 'respect-lockout',
  text: {
    de: 'Testen Sie nicht in schneller Folge: Viele Server sperren ein Konto nach mehreren Fehlversuchen vorübergehend (Microsoft nach etwa zehn, „Smart Lockout“).',
    en: 'Do not test in quick succession: many servers lock an account for a while after several failed attempts (Microsoft after about ten, "Smart Lockout").',
  },
};

/** Causes when a bearer token (XOAUTH2) is refused; the same on login and on the first mailbox command. */
const tokenCauses: CauseEntry[] = [
  {
    id: 'token-wrong-audience',
    weight: 100,
    text: {
      de: 'Das Zugriffstoken ist für die falsche Ressource ausgestellt (z. B. für Microsoft Graph statt für https://outlook.office.com) oder enthält die IMAP-Berechtigung nicht.',
      en: 'The access token was issued for the wrong resource (e.g. Microsoft Graph instead of https://outlook.office.com) or lacks the IMAP permission.',
    },
  },
  {
    id: 'consent-missing',
    weight: 70,
    text: {
      de: 'Die Berechtigung IMAP.AccessAsUser.All (delegiert) bzw. IMAP.AccessAsApp (Anwendung) wurde nicht erteilt oder nicht vom Administrator bestätigt.',
      en: 'The permission IMAP.AccessAsUser.All (delegated) or IMAP.AccessAsApp (application) was not granted or not consented by an administrator.',
    },
  },
  imapDisabled(50),
  {
    id: 'user-not-mailbox',
    weight: 40,
    text: {
      de: 'Der angegebene Benutzer passt nicht zum Token, oder (bei App-only) der Dienstprinzipal hat keine Berechtigung für dieses Postfach.',
      en: 'The given user does not match the token, or (app-only) the service principal has no permission on this mailbox.',
    },
  },
  {
    id: 'token-expired',
    weight: 25,
    text: { de: 'Das Token ist abgelaufen.', en: 'The token has expired.' },
  },
];

const tokenActions: ActionEntry[] = [
  {
    id: 'check-app-registration',
    text: {
      de: 'Prüfen Sie in der App-Registrierung (Entra ID, früher Azure Active Directory) die API-Berechtigungen für Office 365 Exchange Online und die Administratorzustimmung.',
      en: 'Check the app registration (Entra ID, formerly Azure Active Directory) for its Office 365 Exchange Online API permissions and admin consent.',
    },
  },
  enableImap,
];

export const authEntries: DiagnosisEntry[] = [
  {
    code: 'AUTH_MECHANISM_UNSUPPORTED',
    severity: 'error',
    title: { de: 'Anmeldeverfahren wird nicht angeboten', en: 'Login method not offered' },
    meaning: {
      de: 'Der Server bietet kein Anmeldeverfahren an, das zu den eingegebenen Zugangsdaten passt (angeboten: {mechanisms}). Es wurde kein Anmeldeversuch unternommen.',
      en: 'The server offers no login method that fits the given credentials (offered: {mechanisms}). No login attempt was made.',
    },
    causes: [
      {
        id: 'oauth-only',
        weight: 100,
        text: {
          de: 'Der Server erlaubt nur noch moderne Anmeldung (OAuth 2.0), keine Passwörter.',
          en: 'The server only allows modern sign-in (OAuth 2.0), no passwords.',
        },
      },
      {
        id: 'login-disabled',
        weight: 40,
        text: {
          de: 'Der Server sperrt die Passwort-Anmeldung auf dieser Verbindung.',
          en: 'The server blocks password login on this connection.',
        },
      },
    ],
    actions: [
      {
        id: 'use-oauth',
        text: {
          de: 'Nutzen Sie die Anmeldung mit OAuth 2.0 (Modern Auth).',
          en: 'Use sign-in with OAuth 2.0 (modern auth).',
        },
      },
    ],
    variants: [
      {
        when: { credential: ['xoauth2'] },
        causes: [
          {
            id: 'no-xoauth2',
            weight: 100,
            text: {
              de: 'Dieser Server kennt XOAUTH2 nicht; Tokens von Microsoft funktionieren nur bei outlook.office365.com.',
              en: 'This server does not know XOAUTH2; Microsoft tokens only work with outlook.office365.com.',
            },
          },
        ],
        actions: [{ id: 'check-host', text: { de: 'Prüfen Sie den Servernamen.', en: 'Check the server name.' } }],
      },
    ],
  },
  {
    code: 'AUTH_FAILED',
    severity: 'error',
    title: { de: 'Anmeldung abgelehnt', en: 'Login refused' },
    meaning: {
      de: 'Der Server hat die Anmeldung als {user} abgelehnt: „{response}“.',
      en: 'The server refused the login as {user}: "{response}".',
    },
    causes: [
      { id: 'wrong-password', weight: 100, text: { de: 'Das Passwort ist falsch.', en: 'The password is wrong.' } },
      {
        id: 'wrong-user-format',
        weight: 60,
        text: {
          de: 'Der Benutzername hat das falsche Format (vollständige E-Mail-Adresse statt Kurzname oder umgekehrt).',
          en: 'The user name has the wrong format (full e-mail address instead of short name or the other way round).',
        },
      },
      {
        id: 'account-locked',
        weight: 40,
        text: { de: 'Das Konto ist gesperrt oder deaktiviert.', en: 'The account is locked or disabled.' },
      },
      {
        id: 'imap-not-allowed',
        weight: 30,
        text: { de: 'Für dieses Konto ist IMAP nicht freigeschaltet.', en: 'IMAP is not enabled for this account.' },
      },
    ],
    actions: [
      {
        id: 'check-credentials',
        text: {
          de: 'Prüfen Sie Benutzername und Passwort (Groß-/Kleinschreibung, Tastaturlayout).',
          en: 'Check user name and password (upper/lower case, keyboard layout).',
        },
      },
      lockoutCare,
    ],
    variants: [
      {
        when: { credential: ['xoauth2'] },
        meaning: {
          de: 'Der Server hat das Zugriffstoken für {user} abgelehnt: „{response}“.',
          en: 'The server refused the access token for {user}: "{response}".',
        },
        causes: tokenCauses,
        actions: tokenActions,
      },
      {
        when: { products: ['exchange-online'], credential: ['password'] },
        title: {
          de: 'Exchange Online nimmt keine Anmeldung mit Passwort an',
          en: 'Exchange Online does not accept sign-in with a password',
        },
        meaning: {
          de: 'Exchange Online hat die Anmeldung mit Benutzername und Passwort abgelehnt: „{response}“.',
          en: 'Exchange Online refused the login with user name and password: "{response}".',
        },
        causes: [
          {
            id: 'basic-auth-off',
            weight: 100,
            permanent: true,
            text: {
              de: 'Microsoft hat die Standardauthentifizierung (Basic Auth) für IMAP in Exchange Online dauerhaft abgeschaltet – in jedem Mandanten, ohne Möglichkeit, sie wieder einzuschalten. Ein App-Kennwort ist ebenfalls Standardauthentifizierung und wird deshalb immer abgelehnt, egal wie lange man wartet.',
              en: 'Microsoft has permanently switched off basic authentication for IMAP in Exchange Online — in every tenant, with no way to turn it back on. An app password is basic authentication too and is therefore always refused, however long you wait.',
            },
          },
          {
            id: 'app-password-typo',
            weight: 60,
            text: {
              de: 'Das App-Kennwort wurde falsch abgetippt oder es wurde das normale Kontopasswort verwendet.',
              en: 'The app password was mistyped, or the normal account password was used instead.',
            },
          },
          {
            id: 'security-defaults-pending',
            weight: 35,
            weighting: 'securityDefaultsAge',
            text: {
              de: 'Die Änderung an den Sicherheitsstandards ist noch nicht überall wirksam ({sinceConfirmed}).',
              en: 'The change to the security defaults has not taken effect everywhere yet ({sinceConfirmed}).',
            },
          },
          imapDisabled(30),
          {
            id: 'no-mailbox-or-licence',
            weight: 20,
            text: {
              de: 'Der Benutzer hat kein Exchange-Online-Postfach (fehlende Lizenz) oder der Benutzername ist nicht der Anmeldename (UPN).',
              en: 'The user has no Exchange Online mailbox (missing licence), or the user name is not the sign-in name (UPN).',
            },
          },
        ],
        actions: [
          {
            id: 'switch-to-oauth',
            text: {
              de: 'Stellen Sie den Mailadapter auf moderne Anmeldung mit OAuth 2.0 um; nur so funktioniert IMAP mit Exchange Online heute.',
              en: 'Switch the mail adapter to modern sign-in with OAuth 2.0; that is the only way IMAP works with Exchange Online today.',
            },
          },
        ],
      },
    ],
  },
  {
    code: 'AUTH_THROTTLED',
    severity: 'warning',
    title: { de: 'Server bremst Anmeldeversuche', en: 'Server is throttling logins' },
    meaning: {
      de: 'Der Server nimmt vorübergehend keine weiteren Anfragen an: „{response}“. Empfohlene Wartezeit: {backoff}.',
      en: 'The server temporarily accepts no further requests: "{response}". Suggested waiting time: {backoff}.',
    },
    causes: [
      {
        id: 'too-many-attempts',
        weight: 100,
        text: {
          de: 'Zu viele Anmeldeversuche in kurzer Zeit – auch von anderen Programmen mit altem Passwort.',
          en: 'Too many login attempts in a short time — also from other programs with an old password.',
        },
      },
      {
        id: 'too-many-connections',
        weight: 40,
        text: {
          de: 'Zu viele gleichzeitige Verbindungen zu diesem Postfach.',
          en: 'Too many simultaneous connections to this mailbox.',
        },
      },
    ],
    actions: [
      {
        id: 'wait',
        text: {
          de: 'Warten Sie mindestens {backoff}, bevor Sie erneut testen.',
          en: 'Wait at least {backoff} before testing again.',
        },
      },
      {
        id: 'stop-other-clients',
        text: {
          de: 'Beenden Sie andere Programme, die sich mit falschen Daten an diesem Postfach anmelden.',
          en: 'Stop other programs that log in to this mailbox with wrong credentials.',
        },
      },
    ],
  },
  {
    code: 'MAILBOX_NOT_CONNECTED',
    severity: 'error',
    title: { de: 'Angemeldet, aber kein Zugriff auf das Postfach', en: 'Logged in, but no access to the mailbox' },
    meaning: {
      de: 'Die Anmeldung wurde angenommen, der erste Zugriff auf den Posteingang aber abgewiesen: „{response}“.',
      en: 'The login was accepted, but the first access to the inbox was refused: "{response}".',
    },
    causes: [
      {
        id: 'user-not-mailbox',
        weight: 100,
        text: {
          de: 'Der angemeldete Benutzer ist nicht der Inhaber des Postfachs (z. B. Token eines anderen Kontos, falscher Name eines freigegebenen Postfachs).',
          en: 'The signed-in user is not the owner of the mailbox (e.g. a token of another account, wrong name of a shared mailbox).',
        },
      },
      {
        id: 'missing-mailbox-permission',
        weight: 70,
        text: {
          de: 'Bei App-only-Zugriff: Der Dienstprinzipal ist in Exchange nicht registriert oder hat keine Vollzugriffsberechtigung auf das Postfach.',
          en: 'With app-only access: the service principal is not registered in Exchange or has no full-access permission on the mailbox.',
        },
      },
      {
        id: 'no-mailbox-or-licence',
        weight: 40,
        text: {
          de: 'Das Postfach existiert nicht (mehr) oder die Lizenz fehlt.',
          en: 'The mailbox does not exist (any more) or the licence is missing.',
        },
      },
    ],
    actions: [
      {
        id: 'check-mailbox-permission',
        text: {
          de: 'Prüfen Sie, für welches Konto das Token ausgestellt ist und welche Postfachberechtigungen bestehen.',
          en: 'Check which account the token was issued for and which mailbox permissions exist.',
        },
      },
    ],
  },
  {
    code: 'MAILBOX_FAILED',
    severity: 'error',
    title: { de: 'Posteingang nicht lesbar', en: 'Inbox not readable' },
    meaning: {
      de: 'Nach der Anmeldung konnte der Posteingang nicht abgefragt werden: „{response}“.',
      en: 'After login the inbox could not be queried: "{response}".',
    },
    causes: [
      {
        id: 'mailbox-not-ready',
        weight: 60,
        text: {
          de: 'Das Postfach ist noch nicht fertig eingerichtet oder gesperrt.',
          en: 'The mailbox is not fully set up yet, or it is blocked.',
        },
      },
      { id: 'server-error', weight: 40, text: { de: 'Fehler auf dem Server.', en: 'An error on the server.' } },
    ],
    actions: [{ id: 'retry-later', text: { de: 'Wiederholen Sie den Test später.', en: 'Repeat the test later.' } }],
    variants: [{ when: { credential: ['xoauth2'] }, causes: tokenCauses, actions: tokenActions }],
  },
];
