/** Localized names for stages, input fields and input problems, shared by the diagnosis card, the CLI and the UI. */
import type { ProbeStage } from '../probe/codes';
import type { InputField, InputReason } from '../probe/settings';
import type { Language, Text } from './types';

export const STAGE_LABELS: Record<ProbeStage, Text> = {
  input: { de: 'Eingaben', en: 'Input' },
  dns: { de: 'Namensauflösung (DNS)', en: 'Name resolution (DNS)' },
  tcp: { de: 'Verbindungsaufbau (TCP)', en: 'Connection (TCP)' },
  tls: { de: 'Verschlüsselung (TLS)', en: 'Encryption (TLS)' },
  greeting: { de: 'Begrüßung des Servers', en: 'Server greeting' },
  capabilities: { de: 'Fähigkeiten des Servers', en: 'Server capabilities' },
  auth: { de: 'Anmeldung', en: 'Login' },
  mailbox: { de: 'Zugriff auf den Posteingang', en: 'Inbox access' },
};

export const FIELD_LABELS: Record<InputField, Text> = {
  host: { de: 'Server', en: 'Server' },
  port: { de: 'Port', en: 'Port' },
  security: { de: 'Sicherheit', en: 'Security' },
  user: { de: 'Benutzername', en: 'User name' },
  password: { de: 'Passwort', en: 'Password' },
  accessToken: { de: 'Zugriffstoken', en: 'Access token' },
  credential: { de: 'Zugangsdaten', en: 'Credentials' },
};

export const INPUT_REASON_TEXT: Record<InputReason, Text> = {
  HOST_EMPTY: { de: 'Bitte den Namen des IMAP-Servers eingeben.', en: 'Please enter the IMAP server name.' },
  HOST_TOO_LONG: { de: 'Der Servername ist zu lang.', en: 'The server name is too long.' },
  HOST_HAS_SCHEME: {
    de: 'Nur den Servernamen eingeben, ohne „https://“ o. Ä.',
    en: 'Enter the server name only, without "https://" or similar.',
  },
  HOST_HAS_PATH: {
    de: 'Nur den Servernamen eingeben, ohne Pfad („/…“).',
    en: 'Enter the server name only, without a path ("/…").',
  },
  HOST_HAS_SPACES: {
    de: 'Der Servername darf keine Leerzeichen enthalten.',
    en: 'The server name must not contain spaces.',
  },
  HOST_HAS_PORT: {
    de: 'Den Port bitte im Feld „Port“ eintragen, nicht hinter dem Servernamen.',
    en: 'Please enter the port in the "Port" field, not after the server name.',
  },
  HOST_IS_EMAIL: {
    de: 'Das ist eine E-Mail-Adresse. Gesucht ist der Servername, z. B. outlook.office365.com.',
    en: 'That is an e-mail address. The server name is needed, e.g. outlook.office365.com.',
  },
  HOST_ILLEGAL_CHARS: {
    de: 'Der Servername enthält unzulässige Zeichen.',
    en: 'The server name contains characters that are not allowed.',
  },
  HOST_NORMALISED: {
    de: 'Die eingefügte Adresse wurde auf den Servernamen gekürzt.',
    en: 'The pasted address was shortened to the server name.',
  },
  PORT_INVALID: {
    de: 'Der Port muss eine Zahl zwischen 1 und 65535 sein.',
    en: 'The port must be a number from 1 to 65535.',
  },
  PORT_FROM_URL: {
    de: 'Der Port wurde aus der eingefügten Adresse übernommen.',
    en: 'The port was taken from the pasted address.',
  },
  SECURITY_INVALID: { de: 'Sicherheit muss TLS oder STARTTLS sein.', en: 'Security must be TLS or STARTTLS.' },
  SECURITY_PLAINTEXT: {
    de: 'Unverschlüsselte Verbindungen werden nicht unterstützt.',
    en: 'Unencrypted connections are not supported.',
  },
  USER_EMPTY: {
    de: 'Bitte den Benutzernamen eingeben (meist die E-Mail-Adresse des Postfachs).',
    en: 'Please enter the user name (usually the mailbox e-mail address).',
  },
  USER_TOO_LONG: { de: 'Der Benutzername ist zu lang.', en: 'The user name is too long.' },
  USER_CONTROL_CHARS: {
    de: 'Der Benutzername enthält einen Zeilenumbruch oder ein Steuerzeichen.',
    en: 'The user name contains a line break or a control character.',
  },
  USER_TRIMMED: {
    de: 'Leerzeichen am Anfang oder Ende des Benutzernamens wurden entfernt.',
    en: 'Spaces at the start or end of the user name were removed.',
  },
  PASSWORD_EMPTY: { de: 'Bitte das Passwort eingeben.', en: 'Please enter the password.' },
  PASSWORD_TOO_LONG: { de: 'Das Passwort ist zu lang.', en: 'The password is too long.' },
  PASSWORD_CONTROL_CHARS: {
    de: 'Das Passwort enthält einen Zeilenumbruch oder ein Steuerzeichen.',
    en: 'The password contains a line break or a control character.',
  },
  TOKEN_EMPTY: { de: 'Es liegt kein Zugriffstoken vor.', en: 'There is no access token.' },
  TOKEN_TOO_LONG: { de: 'Das Zugriffstoken ist zu lang.', en: 'The access token is too long.' },
  TOKEN_INVALID: {
    de: 'Das Zugriffstoken enthält unzulässige Zeichen.',
    en: 'The access token contains characters that are not allowed.',
  },
  CREDENTIAL_MISSING: { de: 'Bitte Passwort oder Token angeben.', en: 'Please provide a password or token.' },
};

export const LOOKS_LIKE_TEXT: Record<string, Text> = {
  http: { de: 'offenbar ein Webserver (HTTP)', en: 'apparently a web server (HTTP)' },
  smtp: { de: 'offenbar ein Mailversand-Server (SMTP)', en: 'apparently a mail submission server (SMTP)' },
  pop3: { de: 'offenbar ein POP3-Server', en: 'apparently a POP3 server' },
  ftp: { de: 'offenbar ein FTP-Server', en: 'apparently an FTP server' },
  ssh: { de: 'offenbar ein SSH-Server', en: 'apparently an SSH server' },
  tls: { de: 'offenbar ein TLS-Dienst', en: 'apparently a TLS service' },
};

export const localize = (text: Text, language: Language): string => text[language];
