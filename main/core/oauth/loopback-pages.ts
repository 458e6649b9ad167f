/**
 * What the system browser shows after it hands the sign-in back to the assistant's loopback listener. Both
 * languages, because the listener cannot know the app's language setting in the browser; no scripts, no links.
 */
const page = (title: string, de: string, en: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>` +
  '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#222}</style>' +
  `</head><body><h1>${title}</h1><p lang="de">${de}</p><p lang="en">${en}</p></body></html>`;

export const loopbackPages = (): { success: string; error: string } => ({
  success: page(
    'Mailadapter Assistant',
    'Die Anmeldung ist beim Assistenten angekommen. Sie können diesen Tab schließen und im Assistenten weitermachen.',
    'The sign-in reached the assistant. You can close this tab and continue in the assistant.',
  ),
  error: page(
    'Mailadapter Assistant',
    'Die Anmeldung wurde nicht abgeschlossen. Der Assistent zeigt, woran es lag und was zu tun ist.',
    'The sign-in did not complete. The assistant shows what went wrong and what to do.',
  ),
});
