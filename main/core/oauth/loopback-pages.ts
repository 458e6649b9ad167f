/**
 * What the system browser shows after it hands the sign-in back to the assistant's loopback listener. Both
 * languages, because the listener cannot know the app's language setting in the browser; no scripts, no links.
 */
import type { TextKey } from '@shared/text/keys';
import { translator } from '@shared/text/translator';

import { escapeHtml } from '../wizard/report/html';

const page = (key: TextKey): string => {
  const title = escapeHtml(translator('en').t('common:appName'));
  const de = escapeHtml(translator('de').t(key));
  const en = escapeHtml(translator('en').t(key));
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>` +
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#222}</style>' +
    `</head><body><h1>${title}</h1><p lang="de">${de}</p><p lang="en">${en}</p></body></html>`
  );
};

export const loopbackPages = (): { success: string; error: string } => ({
  success: page('desktop:loopback.success'),
  error: page('desktop:loopback.error'),
});
