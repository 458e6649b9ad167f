import type { Language } from '@shared/ipc/channels/app';

/** Texts of the main-process crash dialog (main has no i18next; these few strings live here). */
export const CRASH_TEXT: Record<
  Language,
  {
    title: string;
    message: string;
    error: (text: string) => string;
    bundle: (path: string) => string;
    noBundle: (logDir: string) => string;
    closing: string;
    keepGoing: string;
    quit: string;
    showFile: string;
  }
> = {
  de: {
    title: 'Unerwarteter Fehler',
    message: 'Im Mailadapter Assistant ist ein unerwarteter Fehler aufgetreten.',
    error: (t) => `Fehler: ${t}`,
    bundle: (p) =>
      `Ihre Verbindungen und Ihr Fortschritt sind gespeichert. Für den Support wurde ein Paket mit Protokollen und Versionsangaben angelegt (Passwörter und Tokens sind entfernt):\n${p}`,
    noBundle: (d) =>
      `Ihre Verbindungen und Ihr Fortschritt sind gespeichert. Das Support-Paket konnte nicht angelegt werden; die Protokolle liegen in:\n${d}`,
    closing:
      'Sie können weiterarbeiten. Falls sich die App danach seltsam verhält, beenden Sie sie und starten Sie sie neu.',
    keepGoing: 'Weiterarbeiten',
    quit: 'Beenden',
    showFile: 'Im Ordner zeigen',
  },
  en: {
    title: 'Unexpected error',
    message: 'Mailadapter Assistant ran into an unexpected error.',
    error: (t) => `Error: ${t}`,
    bundle: (p) =>
      `Your connections and progress are saved. A support package with logs and version details was created (passwords and tokens removed):\n${p}`,
    noBundle: (d) =>
      `Your connections and progress are saved. The support package could not be created; the logs are in:\n${d}`,
    closing: 'You can carry on. If the app behaves oddly afterwards, quit and start it again.',
    keepGoing: 'Carry on',
    quit: 'Quit',
    showFile: 'Show in folder',
  },
};
