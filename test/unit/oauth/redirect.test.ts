import { NATIVE_CLIENT_REDIRECT } from '@shared/oauth/constants';
import { classifyNavigation, stateMatches } from '@shared/oauth/redirect';
import { isSignInPage } from '@shared/oauth/sign-in-hosts';
import { describe, expect, it } from 'vitest';

const microsoftPage = (u: URL) => isSignInPage(u, 'login.microsoftonline.com');
const classify = (url: string) => classifyNavigation(url, NATIVE_CLIENT_REDIRECT, microsoftPage);

describe('embedded sign-in window: redirect interception', () => {
  it('intercepts exactly the configured redirect and reads the response', () => {
    expect(classify(`${NATIVE_CLIENT_REDIRECT}?code=abc&state=s1`)).toEqual({
      kind: 'redirect',
      response: { code: 'abc', state: 's1' },
    });
    expect(
      classify(
        `${NATIVE_CLIENT_REDIRECT}?error=access_denied&error_description=AADSTS65004%3A+no&error_subcode=cancel&state=s1`,
      ),
    ).toEqual({
      kind: 'redirect',
      response: { error: 'access_denied', errorDescription: 'AADSTS65004: no', errorSubcode: 'cancel', state: 's1' },
    });
    // Host case does not matter, the default port may be spelled out.
    expect(classify('https://LOGIN.microsoftonline.com:443/common/oauth2/nativeclient?code=x').kind).toBe('redirect');
  });

  it.each([
    ['path suffix', 'https://login.microsoftonline.com/common/oauth2/nativeclient2?code=abc'],
    ['path below', 'https://login.microsoftonline.com/common/oauth2/nativeclient/x?code=abc'],
    ['plain http', 'http://login.microsoftonline.com/common/oauth2/nativeclient?code=abc'],
    ['other port', 'https://login.microsoftonline.com:8443/common/oauth2/nativeclient?code=abc'],
    ['other tenant segment', 'https://login.microsoftonline.com/organizations/oauth2/nativeclient?code=abc'],
    ['code to another Microsoft page', 'https://portal.office.com/?code=abc'],
    ['token in a fragment', 'https://login.microsoftonline.com/kmsi#access_token=abc'],
    ['loopback', 'http://localhost:5000/?code=abc'],
    ['code to a foreign host', 'https://evil.example/cb?code=abc'],
  ])('refuses a redirect that is not the configured one: %s', (_name, url) => {
    expect(classify(url)).toEqual({ kind: 'block', reason: 'look-alike-redirect' });
  });

  it('refuses credentials in the URL, foreign and insecure pages', () => {
    expect(classify('https://user:pw@login.microsoftonline.com/common/oauth2/nativeclient?code=a')).toEqual({
      kind: 'block',
      reason: 'credentials-in-url',
    });
    expect(classify('https://evil.example/phish')).toEqual({ kind: 'block', reason: 'foreign-host' });
    expect(classify('https://login.microsoftonline.com.evil.example/x')).toEqual({
      kind: 'block',
      reason: 'foreign-host',
    });
    expect(classify('http://example.com/')).toEqual({ kind: 'block', reason: 'insecure' });
    expect(classify('not a url')).toEqual({ kind: 'block', reason: 'unparseable' });
  });

  it('lets Microsoft’s sign-in pages load', () => {
    expect(classify('https://login.microsoftonline.com/72f988bf/oauth2/v2.0/authorize?client_id=x&state=s')).toEqual({
      kind: 'allow',
    });
    expect(classify('https://login.microsoftonline.com/common/login')).toEqual({ kind: 'allow' });
    expect(classify('https://mysignins.microsoft.com/security-info')).toEqual({ kind: 'allow' });
  });

  it('checks the state', () => {
    expect(stateMatches({ state: 'abc' }, 'abc')).toBe(true);
    expect(stateMatches({ state: 'abd' }, 'abc')).toBe(false);
    expect(stateMatches({}, 'abc')).toBe(false);
    expect(stateMatches({ state: '' }, '')).toBe(false);
  });
});
