/**
 * Localized text for the error codes of the keychain, store and import/export, each saying what happened and what
 * to do. Main puts the English text into `AppError.message` and both languages into `details.text`; the renderer
 * can also look them up by code.
 */
import type { Language } from '../ipc/channels/app';

interface Text {
  de: string;
  en: string;
}

export const VAULT_ERROR_MESSAGES = {
  KEYCHAIN_UNAVAILABLE: {
    de: 'Der Schlüsselbund des Betriebssystems ist nicht erreichbar (unter Linux: kein Secret-Service-Dienst oder keine D-Bus-Sitzung). Starten bzw. installieren Sie einen Secret Service wie GNOME Keyring oder KWallet und starten Sie den Assistenten danach neu. Bis dahin können Sie das Passwort nur für diese Sitzung verwenden.',
    en: 'The operating system keychain cannot be reached (on Linux: no Secret Service or no D-Bus session). Start or install a Secret Service such as GNOME Keyring or KWallet, then restart the assistant. Until then you can use the password for this session only.',
  },
  KEYCHAIN_LOCKED: {
    de: 'Der Schlüsselbund ist gesperrt und wurde nicht entsperrt. Entsperren Sie ihn (z. B. in „Passwörter und Verschlüsselung“ oder durch erneutes Anmelden) und versuchen Sie es noch einmal – oder verwenden Sie das Passwort nur für diese Sitzung.',
    en: 'The keychain is locked and was not unlocked. Unlock it (for example in “Passwords and Keys” or by signing in again) and try again – or use the password for this session only.',
  },
  KEYCHAIN_ACCESS_DENIED: {
    de: 'Der Zugriff auf den Schlüsselbund wurde verweigert. Erlauben Sie dem Assistenten den Zugriff (Systemdialog bestätigen bzw. Richtlinie oder Sandbox-Berechtigung prüfen) und versuchen Sie es erneut – oder verwenden Sie das Passwort nur für diese Sitzung.',
    en: 'Access to the keychain was denied. Allow the assistant access (confirm the system dialog, or check the policy or sandbox permission) and try again – or use the password for this session only.',
  },
  KEYCHAIN_NOT_PERSISTENT: {
    de: 'Ein Secret Service läuft, hat aber keinen Standard-Schlüsselbund, der auf der Festplatte gespeichert wird – Passwörter gingen beim Abmelden verloren. Legen Sie einen Standard-Schlüsselbund an (z. B. „Anmeldung“ in „Passwörter und Verschlüsselung“) und versuchen Sie es erneut – oder verwenden Sie das Passwort nur für diese Sitzung.',
    en: 'A Secret Service is running but has no default keyring that is saved to disk – passwords would be lost when you sign out. Create a default keyring (for example “Login” in “Passwords and Keys”) and try again – or use the password for this session only.',
  },
  KEYCHAIN_TIMEOUT: {
    de: 'Der Schlüsselbund hat nicht rechtzeitig geantwortet (eventuell wartet ein Entsperr-Dialog im Hintergrund). Prüfen Sie offene Systemdialoge und versuchen Sie es erneut.',
    en: 'The keychain did not answer in time (an unlock dialog may be waiting in the background). Check for open system dialogs and try again.',
  },
  KEYCHAIN_FAILED: {
    de: 'Der Schlüsselbund meldet einen unerwarteten Fehler. Versuchen Sie es erneut; hilft das nicht, verwenden Sie das Passwort nur für diese Sitzung und erstellen Sie ein Support-Paket.',
    en: 'The keychain reported an unexpected error. Try again; if that does not help, use the password for this session only and create a support bundle.',
  },
  KEYCHAIN_ENTRY_DAMAGED: {
    de: 'Der gespeicherte Eintrag im Schlüsselbund ist unvollständig oder beschädigt – ein Teil fehlt oder passt nicht zum Rest. Er wird nicht verwendet. Speichern Sie das Passwort erneut bzw. melden Sie sich erneut an; dabei wird der Eintrag ersetzt.',
    en: 'The entry stored in the keychain is incomplete or damaged – a part is missing or does not fit the rest. It is not used. Save the password again or sign in again; that replaces the entry.',
  },
  SECRET_EMPTY: {
    de: 'Das Passwort ist leer. Fügen Sie das App-Kennwort ein, das Microsoft angezeigt hat.',
    en: 'The password is empty. Paste the app password that Microsoft showed you.',
  },
  SECRET_TOO_LONG: {
    de: 'Das Passwort ist zu lang für den Schlüsselbund (höchstens 16 KiB). Prüfen Sie, ob versehentlich mehr als das Passwort eingefügt wurde.',
    en: 'The password is too long for the keychain (at most 16 KiB). Check whether more than the password was pasted by mistake.',
  },
  STORE_WRITE_FAILED: {
    de: 'Die Einstellungen konnten nicht gespeichert werden (Datenträger voll oder schreibgeschützt?). Die zuletzt gespeicherte Fassung ist unverändert. Schaffen Sie Platz bzw. prüfen Sie die Schreibrechte und versuchen Sie es erneut.',
    en: 'The settings could not be saved (disk full or read-only?). The last saved version is unchanged. Free up space or check write permissions, then try again.',
  },
  STORE_LOCKED: {
    de: 'Der Assistent läuft bereits mit diesem Datenordner. Schließen Sie die andere Instanz oder wechseln Sie zu ihr.',
    en: 'The assistant is already running with this data folder. Close the other instance or switch to it.',
  },
  PROFILE_NOT_FOUND: {
    de: 'Diese Verbindung gibt es nicht (mehr). Laden Sie die Liste neu.',
    en: 'This connection does not exist (any more). Reload the list.',
  },
  EXPORT_PATH_INVALID: {
    de: 'Der Speicherort für den Export ist ungültig: Bitte wählen Sie eine .json-Datei außerhalb des Datenordners des Assistenten.',
    en: 'The export location is invalid: choose a .json file outside the assistant’s data folder.',
  },
  EXPORT_WRITE_FAILED: {
    de: 'Die Exportdatei konnte nicht geschrieben werden. Prüfen Sie Speicherplatz und Schreibrechte des Zielordners.',
    en: 'The export file could not be written. Check free space and write permissions of the target folder.',
  },
  IMPORT_READ_FAILED: {
    de: 'Die Importdatei konnte nicht gelesen werden. Prüfen Sie den Pfad und die Leserechte.',
    en: 'The import file could not be read. Check the path and read permissions.',
  },
} as const satisfies Record<string, Text>;

export type VaultMessageCode = keyof typeof VAULT_ERROR_MESSAGES;

export const vaultErrorText = (code: VaultMessageCode, language: Language): string =>
  VAULT_ERROR_MESSAGES[code][language];
