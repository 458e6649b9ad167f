/**
 * Sign-in failures as diagnoses: Microsoft identity platform error codes (AADSTS…) and the assistant's own sign-in
 * outcomes, each with German and English guidance and the action that resolves it. Codes come from the redirect,
 * the token endpoint, the text of an error page, or the admin typing what the browser showed.
 */
import type { Language } from '../ipc/channels/app';

export interface Text {
  de: string;
  en: string;
}

/** What the admin does next; the wizard turns it into a button. */
export type SignInAction = 'fix-registration' | 'sign-in-again' | 'ask-admin' | 'wait' | 'retry' | 'check-network';

/** The registration steps of the wizard a diagnosis can point to. */
export type RegistrationStep = 'register' | 'platform' | 'permissions' | 'ids';

export interface SignInEntry {
  title: Text;
  text: Text;
  action: SignInAction;
  step?: RegistrationStep;
}

/** Outcomes that do not come with an AADSTS number. */
export const LOCAL_SIGN_IN_CODES = [
  'USER_CANCELLED',
  'WINDOW_CLOSED',
  'TIMEOUT',
  'ACCOUNT_MISMATCH',
  'REFRESH_EXPIRED',
  'SIGN_IN_REQUIRED',
  'AUTHORITY_UNREACHABLE',
  'STATE_MISMATCH',
  'SIGN_IN_FAILED',
] as const;
export type LocalSignInCode = (typeof LOCAL_SIGN_IN_CODES)[number];

const AADSTS: Record<number, SignInEntry> = {
  50011: {
    title: { de: 'Umleitungsadresse nicht registriert', en: 'Redirect address not registered' },
    text: {
      de: 'Microsoft kennt die Adresse nicht, an die der Assistent nach der Anmeldung zurückkehren will. In der App-Registrierung fehlt unter „Authentifizierung“ die Plattform „Mobil- und Desktopanwendungen“ mit genau dieser Umleitungs-URI (http://localhost für den System-Browser, …/oauth2/nativeclient für das eingebettete Fenster).',
      en: 'Microsoft does not know the address the assistant wants to return to after sign-in. Under “Authentication”, the app registration lacks the platform “Mobile and desktop applications” with exactly this redirect URI (http://localhost for the system browser, …/oauth2/nativeclient for the embedded window).',
    },
    action: 'fix-registration',
    step: 'platform',
  },
  65001: {
    title: { de: 'Zustimmung fehlt', en: 'Consent missing' },
    text: {
      de: 'Für die App wurde den Berechtigungen noch nicht zugestimmt. Öffnen Sie in der App-Registrierung „API-Berechtigungen“, prüfen Sie IMAP.AccessAsUser.All und offline_access und klicken Sie auf „Administratorzustimmung erteilen“. Die Spalte „Status“ muss danach grüne Haken zeigen.',
      en: 'Nobody has consented to the app’s permissions yet. In the app registration open “API permissions”, check IMAP.AccessAsUser.All and offline_access and click “Grant admin consent”. The “Status” column must show green ticks afterwards.',
    },
    action: 'fix-registration',
    step: 'permissions',
  },
  700016: {
    title: { de: 'App in diesem Mandanten nicht gefunden', en: 'App not found in this tenant' },
    text: {
      de: 'Unter der eingegebenen Anwendungs-ID (Client-ID) gibt es in diesem Mandanten keine App. Kopieren Sie beide IDs erneut von der Übersichtsseite der App-Registrierung – meist wurde die Objekt-ID statt der Anwendungs-ID erwischt oder die App liegt in einem anderen Mandanten.',
      en: 'There is no app with the entered application (client) ID in this tenant. Copy both IDs again from the registration’s overview page – usually the object ID was taken instead of the application ID, or the app lives in a different tenant.',
    },
    action: 'fix-registration',
    step: 'ids',
  },
  7000218: {
    title: { de: 'App ist nicht als Desktop-App eingerichtet', en: 'App is not set up as a desktop app' },
    text: {
      de: 'Microsoft verlangt ein Client-Geheimnis, weil die Umleitungs-URI unter der Plattform „Web“ statt „Mobil- und Desktopanwendungen“ eingetragen ist. Verschieben Sie die URI dorthin; falls es dann noch auftritt, setzen Sie unter „Authentifizierung“ → „Erweiterte Einstellungen“ den Schalter „Öffentliche Clientflows zulassen“ auf „Ja“. Ein Geheimnis gehört nie in eine Desktop-App.',
      en: 'Microsoft asks for a client secret because the redirect URI is listed under the “Web” platform instead of “Mobile and desktop applications”. Move the URI there; if it still happens, set “Allow public client flows” under “Authentication” → “Advanced settings” to “Yes”. A secret never belongs in a desktop app.',
    },
    action: 'fix-registration',
    step: 'platform',
  },
  50053: {
    title: { de: 'Konto vorübergehend gesperrt', en: 'Account temporarily locked' },
    text: {
      de: 'Nach zu vielen Fehlversuchen (oder Anmeldungen von verdächtiger Herkunft) sperrt Microsoft das Konto für eine Weile. Warten Sie einige Minuten, ohne es erneut zu versuchen, und prüfen Sie das Kennwort. Hält die Sperre an, kann ein Administrator in Entra ID die Anmeldeprotokolle des Benutzers ansehen.',
      en: 'After too many failed attempts (or sign-ins from a suspicious origin) Microsoft locks the account for a while. Wait a few minutes without retrying and check the password. If the lock persists, an administrator can look at the user’s sign-in logs in Entra ID.',
    },
    action: 'wait',
  },
  50076: {
    title: { de: 'Zweiter Faktor erforderlich', en: 'Second factor required' },
    text: {
      de: 'Microsoft verlangt für diese Anmeldung die Mehrstufige Authentifizierung. Melden Sie sich erneut interaktiv an und bestätigen Sie den zweiten Faktor (z. B. in Microsoft Authenticator). Eine Hintergrund-Erneuerung kann das nicht.',
      en: 'Microsoft requires multi-factor authentication for this sign-in. Sign in interactively again and confirm the second factor (for example in Microsoft Authenticator). A background refresh cannot do that.',
    },
    action: 'sign-in-again',
  },
  50079: {
    title: { de: 'Zweiter Faktor noch nicht eingerichtet', en: 'Second factor not registered yet' },
    text: {
      de: 'Das Postfachkonto muss zuerst eine Methode für die Mehrstufige Authentifizierung einrichten. Melden Sie sich im Anmeldefenster an und folgen Sie der Einrichtung (oder vorab unter mysignins.microsoft.com → Sicherheitsinformationen), dann erneut anmelden.',
      en: 'The mailbox account must first register a multi-factor authentication method. Sign in in the sign-in window and follow the setup (or beforehand at mysignins.microsoft.com → Security info), then sign in again.',
    },
    action: 'sign-in-again',
  },
  90002: {
    title: { de: 'Mandant nicht gefunden', en: 'Tenant not found' },
    text: {
      de: 'Zur eingegebenen Verzeichnis-ID (Mandanten-ID) bzw. Domäne gibt es keinen Mandanten. Kopieren Sie die Verzeichnis-ID von der Übersichtsseite der App-Registrierung oder verwenden Sie eine verifizierte Domäne des Mandanten (z. B. firma.onmicrosoft.com).',
      en: 'There is no tenant for the entered directory (tenant) ID or domain. Copy the directory ID from the registration’s overview page, or use a verified domain of the tenant (for example company.onmicrosoft.com).',
    },
    action: 'fix-registration',
    step: 'ids',
  },
  53003: {
    title: { de: 'Durch bedingten Zugriff blockiert', en: 'Blocked by Conditional Access' },
    text: {
      de: 'Eine Richtlinie für bedingten Zugriff lässt diese Anmeldung nicht zu (z. B. nur verwaltete Geräte, bestimmte Standorte oder Apps). Ein Administrator findet unter Entra ID → Überwachung und Integrität → Anmeldeprotokolle beim fehlgeschlagenen Eintrag auf der Registerkarte „Bedingter Zugriff“ die auslösende Richtlinie und kann sie für dieses Konto oder diese App anpassen.',
      en: 'A Conditional Access policy does not allow this sign-in (for example managed devices only, certain locations or apps). An administrator finds the policy under Entra ID → Monitoring & health → Sign-in logs, on the failed entry’s “Conditional Access” tab, and can adjust it for this account or app.',
    },
    action: 'ask-admin',
  },
  65004: {
    title: { de: 'Zustimmung abgelehnt', en: 'Consent declined' },
    text: {
      de: 'Im Anmeldefenster wurde die Zustimmung zu den Berechtigungen abgelehnt. Erteilen Sie die Administratorzustimmung in der App-Registrierung, dann fragt Microsoft nicht mehr, und melden Sie sich erneut an.',
      en: 'Consent to the permissions was declined in the sign-in window. Grant admin consent in the app registration so Microsoft stops asking, then sign in again.',
    },
    action: 'fix-registration',
    step: 'permissions',
  },
  90094: {
    title: { de: 'Administratorzustimmung erforderlich', en: 'Admin consent required' },
    text: {
      de: 'Das Postfachkonto darf den Berechtigungen nicht selbst zustimmen. Ein Administrator erteilt in der App-Registrierung unter „API-Berechtigungen“ die Administratorzustimmung; danach erneut anmelden.',
      en: 'The mailbox account may not consent to the permissions itself. An administrator grants admin consent in the app registration under “API permissions”; then sign in again.',
    },
    action: 'fix-registration',
    step: 'permissions',
  },
  650057: {
    title: { de: 'Berechtigung nicht in der App eingetragen', en: 'Permission not listed on the app' },
    text: {
      de: 'Die App fordert eine Berechtigung an, die in ihrer Registrierung fehlt. Fügen Sie unter „API-Berechtigungen“ → „Berechtigung hinzufügen“ → „Microsoft Graph“ → „Delegierte Berechtigungen“ IMAP.AccessAsUser.All hinzu und erteilen Sie die Administratorzustimmung.',
      en: 'The app requests a permission its registration does not list. Under “API permissions” → “Add a permission” → “Microsoft Graph” → “Delegated permissions”, add IMAP.AccessAsUser.All and grant admin consent.',
    },
    action: 'fix-registration',
    step: 'permissions',
  },
  500011: {
    title: { de: 'Exchange Online fehlt im Mandanten', en: 'Exchange Online missing in the tenant' },
    text: {
      de: 'Der Mandant kennt die Ressource „Office 365 Exchange Online“ nicht – meist, weil er (noch) keine Exchange-Online-Lizenz hat. Prüfen Sie Lizenz und Postfach im Microsoft 365 Admin Center.',
      en: 'The tenant does not know the resource “Office 365 Exchange Online” – usually because it has no Exchange Online licence (yet). Check the licence and mailbox in the Microsoft 365 admin center.',
    },
    action: 'ask-admin',
  },
  50020: {
    title: { de: 'Konto gehört zu einem anderen Mandanten', en: 'Account belongs to another tenant' },
    text: {
      de: 'Das angemeldete Konto ist in diesem Mandanten nicht vorhanden (z. B. ein privates Microsoft-Konto oder ein Konto einer anderen Organisation). Melden Sie sich mit dem Postfachbenutzer dieses Mandanten an.',
      en: 'The signed-in account does not exist in this tenant (for example a personal Microsoft account or one from another organisation). Sign in with the mailbox user of this tenant.',
    },
    action: 'sign-in-again',
  },
  50034: {
    title: { de: 'Benutzer nicht gefunden', en: 'User not found' },
    text: {
      de: 'Einen Benutzer mit diesem Anmeldenamen gibt es im Mandanten nicht. Prüfen Sie die Schreibweise (meist die E-Mail-Adresse) und den Mandanten.',
      en: 'There is no user with this sign-in name in the tenant. Check the spelling (usually the email address) and the tenant.',
    },
    action: 'sign-in-again',
  },
  50126: {
    title: { de: 'Benutzername oder Kennwort falsch', en: 'Wrong user name or password' },
    text: {
      de: 'Microsoft hat das Kennwort nicht akzeptiert. Prüfen Sie es in Ruhe – mehrere Fehlversuche hintereinander sperren das Konto für eine Weile.',
      en: 'Microsoft did not accept the password. Check it carefully – several failed attempts in a row lock the account for a while.',
    },
    action: 'sign-in-again',
  },
};

/** Grant expired or revoked: the refresh token is gone for good, an interactive sign-in must replace it. */
const REFRESH_GONE = new Set([70008, 700082, 50173, 50133, 700084, 70043, 54005, 50078, 50089]);
/** Same guidance as another code. */
const ALIASES: Record<number, number> = {
  90095: 90094,
  90008: 65001,
  50158: 50076,
  50074: 50076,
  53000: 53003,
  53001: 53003,
  53002: 53003,
};

const LOCAL: Record<LocalSignInCode, SignInEntry> = {
  USER_CANCELLED: {
    title: { de: 'Anmeldung abgebrochen', en: 'Sign-in cancelled' },
    text: {
      de: 'Die Anmeldung wurde abgebrochen, bevor Microsoft ein Token ausgestellt hat. Starten Sie sie erneut, wenn Sie so weit sind.',
      en: 'The sign-in was cancelled before Microsoft issued a token. Start it again when you are ready.',
    },
    action: 'sign-in-again',
  },
  WINDOW_CLOSED: {
    title: { de: 'Anmeldefenster geschlossen', en: 'Sign-in window closed' },
    text: {
      de: 'Das Anmeldefenster wurde geschlossen, bevor die Anmeldung abgeschlossen war. Es wurde nichts gespeichert; starten Sie die Anmeldung erneut.',
      en: 'The sign-in window was closed before the sign-in finished. Nothing was saved; start the sign-in again.',
    },
    action: 'sign-in-again',
  },
  TIMEOUT: {
    title: { de: 'Zeit für die Anmeldung abgelaufen', en: 'Sign-in timed out' },
    text: {
      de: 'Innerhalb von fünf Minuten kam keine Antwort von der Anmeldeseite. Zeigt der Browser einen Fehler mit „AADSTS“ und einer Nummer, geben Sie die Nummer unten ein; sonst starten Sie die Anmeldung erneut.',
      en: 'No answer came from the sign-in page within five minutes. If the browser shows an error with “AADSTS” and a number, enter the number below; otherwise start the sign-in again.',
    },
    action: 'sign-in-again',
  },
  ACCOUNT_MISMATCH: {
    title: { de: 'Falsches Konto angemeldet', en: 'Wrong account signed in' },
    text: {
      de: 'Angemeldet hat sich ein anderes Konto als der Postfachbenutzer dieser Verbindung. Das Token würde nur zu diesem anderen Postfach passen und wurde verworfen. Melden Sie sich erneut an und wählen Sie dabei „Anderes Konto verwenden“.',
      en: 'A different account than this connection’s mailbox user signed in. The token would only fit that other mailbox and was discarded. Sign in again and choose “Use another account”.',
    },
    action: 'sign-in-again',
  },
  REFRESH_EXPIRED: {
    title: { de: 'Anmeldung abgelaufen', en: 'Sign-in expired' },
    text: {
      de: 'Die gespeicherte Anmeldung gilt nicht mehr (abgelaufen, widerrufen oder nach einer Kennwortänderung ungültig). Melden Sie sich einmal neu als Postfachbenutzer an; danach erneuert der Assistent das Token wieder selbst.',
      en: 'The saved sign-in is no longer valid (expired, revoked or invalidated by a password change). Sign in once more as the mailbox user; after that the assistant renews the token on its own again.',
    },
    action: 'sign-in-again',
  },
  SIGN_IN_REQUIRED: {
    title: { de: 'Noch nicht angemeldet', en: 'Not signed in yet' },
    text: {
      de: 'Für diese Verbindung ist keine Anmeldung gespeichert. Melden Sie sich als Postfachbenutzer an.',
      en: 'No sign-in is saved for this connection. Sign in as the mailbox user.',
    },
    action: 'sign-in-again',
  },
  AUTHORITY_UNREACHABLE: {
    title: {
      de: 'Anmeldedienst nicht erreichbar oder Mandant unbekannt',
      en: 'Sign-in service unreachable or tenant unknown',
    },
    text: {
      de: 'Der Anmeldedienst von Microsoft hat die Mandanten-Informationen nicht geliefert. Entweder ist die Verzeichnis-ID bzw. Domäne falsch, oder dieser Rechner erreicht login.microsoftonline.com nicht (Proxy, Firewall). Prüfen Sie zuerst die ID.',
      en: 'Microsoft’s sign-in service did not return the tenant information. Either the directory ID or domain is wrong, or this computer cannot reach login.microsoftonline.com (proxy, firewall). Check the ID first.',
    },
    action: 'check-network',
    step: 'ids',
  },
  STATE_MISMATCH: {
    title: { de: 'Antwort gehört nicht zu dieser Anmeldung', en: 'Response does not belong to this sign-in' },
    text: {
      de: 'Die Antwort der Anmeldeseite passte nicht zur gestarteten Anmeldung und wurde aus Sicherheitsgründen verworfen. Schließen Sie alte Anmeldefenster und starten Sie neu.',
      en: 'The sign-in page’s response did not match the sign-in that was started and was discarded for safety. Close old sign-in windows and start again.',
    },
    action: 'sign-in-again',
  },
  SIGN_IN_FAILED: {
    title: { de: 'Anmeldung fehlgeschlagen', en: 'Sign-in failed' },
    text: {
      de: 'Die Anmeldung ist aus einem nicht näher bekannten Grund fehlgeschlagen. Die Meldung von Microsoft steht unten; versuchen Sie es erneut oder erstellen Sie ein Support-Paket.',
      en: 'The sign-in failed for a reason the assistant does not know in detail. Microsoft’s message is shown below; try again or create a support bundle.',
    },
    action: 'retry',
  },
};

export interface SignInDiagnosis extends SignInEntry {
  /** `AADSTS50011`-style for Microsoft codes, otherwise a LocalSignInCode. */
  code: string;
  aadsts?: number;
  /** Microsoft's own description, shortened; never contains a token. */
  serverMessage?: string;
}

/** The first `AADSTS<number>` in a text (error description, page text, user input like "aadsts 50011"). */
export function extractAadsts(text: string | undefined): number | undefined {
  const m = /AADSTS\s*(\d{5,7})\b/i.exec(text ?? '') ?? /^\s*(\d{5,7})\s*$/.exec(text ?? '');
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

export const isKnownAadsts = (code: number): boolean => code in AADSTS || code in ALIASES || REFRESH_GONE.has(code);

function entryForAadsts(code: number): SignInEntry | undefined {
  if (REFRESH_GONE.has(code)) return LOCAL.REFRESH_EXPIRED;
  return AADSTS[ALIASES[code] ?? code];
}

/** Microsoft's descriptions carry trace and correlation ids after the first sentence; the first line is enough. */
function shorten(message: string | undefined): string | undefined {
  const first = message?.split(/\r?\n|Trace ID:/)[0]?.trim();
  return first ? first.slice(0, 300) : undefined;
}

export function diagnoseAadsts(code: number, serverMessage?: string): SignInDiagnosis {
  const entry = entryForAadsts(code) ?? LOCAL.SIGN_IN_FAILED;
  const short = shorten(serverMessage);
  // A dead refresh token is one situation whatever number Microsoft gives it; the number stays for support.
  const name = REFRESH_GONE.has(code) ? 'REFRESH_EXPIRED' : `AADSTS${code}`;
  return { ...entry, code: name, aadsts: code, ...(short ? { serverMessage: short } : {}) };
}

export function diagnoseLocal(code: LocalSignInCode, serverMessage?: string): SignInDiagnosis {
  const short = shorten(serverMessage);
  return { ...LOCAL[code], code, ...(short ? { serverMessage: short } : {}) };
}

export const isLocalSignInCode = (value: unknown): value is LocalSignInCode =>
  typeof value === 'string' && (LOCAL_SIGN_IN_CODES as readonly string[]).includes(value);

/**
 * An OAuth error response (`error`, `error_description`, `error_subcode`) as a diagnosis. A cancelled consent or
 * login arrives as `access_denied` with sub-code `cancel` and no AADSTS code worth more than "cancelled".
 */
export function diagnoseOAuthError(error: string | undefined, description?: string, subcode?: string): SignInDiagnosis {
  const code = extractAadsts(description);
  if (error === 'access_denied' && (subcode === 'cancel' || code === undefined))
    return diagnoseLocal('USER_CANCELLED', description);
  if (code !== undefined) return diagnoseAadsts(code, description);
  if (error === 'invalid_grant' || error === 'interaction_required' || error === 'login_required') {
    return diagnoseLocal('REFRESH_EXPIRED', description);
  }
  return diagnoseLocal('SIGN_IN_FAILED', [error, description].filter(Boolean).join(': '));
}

export const localizeDiagnosis = (d: SignInDiagnosis, language: Language): { title: string; text: string } => ({
  title: d.title[language],
  text: d.text[language],
});
