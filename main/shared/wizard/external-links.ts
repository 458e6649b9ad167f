/**
 * Non-Microsoft-portal links the wizard may hand to the user's default browser (help articles, vendor docs).
 * The renderer asks the user first and then calls `openExternalLink`; main checks this allowlist again,
 * so a compromised page still cannot open arbitrary addresses or schemes.
 */
export const EXTERNAL_HOST_SUFFIXES = ['learn.microsoft.com', 'support.microsoft.com', 'agorum.com'];

export function isAllowedExternalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port !== '') return false;
  const host = u.hostname.toLowerCase();
  return EXTERNAL_HOST_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`));
}
