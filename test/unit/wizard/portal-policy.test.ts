import {
  externalNavigationPrompt,
  isInMemoryPartition,
  portalPartitionName,
  portalUserAgent,
  portalWindowTitle,
} from '@core/wizard/portal/portal-session';
import { isMicrosoftFrameUrl, isPortalUrl, portalNavigationVerdict } from '@shared/portal/portal-hosts';
import { isAllowedExternalUrl } from '@shared/wizard/external-links';
import { PORTAL_LINK_IDS, PORTAL_LINKS } from '@shared/wizard/portal-links';
import { describe, expect, it } from 'vitest';

describe('portal link table', () => {
  it('every link is an https Microsoft portal page a portal window may show', () => {
    for (const id of PORTAL_LINK_IDS) {
      expect(isPortalUrl(PORTAL_LINKS[id].url), id).toBe(true);
      expect(portalNavigationVerdict(PORTAL_LINKS[id].url), id).toBe('allow');
    }
  });

  it('admin pages open for the admin, the app-password pages for the mailbox user', () => {
    expect(PORTAL_LINKS.entraOverview.identity).toBe('admin');
    expect(PORTAL_LINKS.entraAppRegistrations).toMatchObject({ identity: 'admin', verified: 'unconfirmed' });
    expect(PORTAL_LINKS.entraAppRegistrations.url).toMatch(
      /^https:\/\/entra\.microsoft\.com\/#view\/Microsoft_AAD_RegisteredApps\//,
    );
    expect(PORTAL_LINKS.perUserMfa.identity).toBe('admin');
    expect(PORTAL_LINKS.mfaServiceSettings.identity).toBe('admin');
    expect(PORTAL_LINKS.securityInfo.identity).toBe('mailbox');
    expect(PORTAL_LINKS.officePortal.identity).toBe('mailbox');
  });

  it('the table cannot be changed at run time', () => {
    expect(() => {
      (PORTAL_LINKS as Record<string, unknown>).entraOverview = { url: 'https://evil.example/' };
    }).toThrow();
  });
});

describe('portal navigation policy', () => {
  it.each([
    'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1',
    'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/TenantOverview.ReactView',
    'https://mysignins.microsoft.com/security-info',
    'https://m365.cloud.microsoft/',
    'https://www.office.com/',
    'https://LOGIN.MICROSOFTONLINE.COM./',
  ])('allows %s at top level', (url) => {
    expect(portalNavigationVerdict(url)).toBe('allow');
  });

  it.each([
    'https://learn.microsoft.com/entra/',
    'https://support.microsoft.com/de-de/account-billing',
    'https://www.agorum.com/',
  ])('offers the allowlisted help page %s to the system browser instead of showing it', (url) => {
    expect(portalNavigationVerdict(url)).toBe('offer-external');
  });

  // Only URLs the app may hand to the OS at all (canOpenExternally) are offered; a company's own sign-in server is
  // reached through "open in my browser's private mode" instead.
  it.each([
    'https://example.com/',
    'https://adfs.contoso.de/adfs/ls/?wa=wsignin1.0',
    'https://entra.microsoft.com.evil.example/',
    'https://evilmicrosoftonline.com/',
    'https://login.microsoftonline.com.attacker.net/',
  ])('blocks the non-allowlisted page %s without offering it', (url) => {
    expect(portalNavigationVerdict(url)).toBe('block');
  });

  it.each([
    'http://login.microsoftonline.com/',
    'https://user:pw@login.microsoftonline.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>1</script>',
    'ms-settings:privacy',
    'not a url',
    '',
  ])('blocks %s outright', (url) => {
    expect(portalNavigationVerdict(url)).toBe('block');
    expect(portalNavigationVerdict(url, 'frame')).toBe('block');
  });

  it('frames may come from Microsoft infrastructure that is not a page of its own', () => {
    const blade = 'https://sandbox-1.reactblade.portal.azure.net/Content/Dynamic/x.html';
    expect(portalNavigationVerdict(blade, 'frame')).toBe('allow');
    expect(portalNavigationVerdict(blade, 'page')).toBe('block');
    expect(isMicrosoftFrameUrl('about:blank')).toBe(true);
    expect(isMicrosoftFrameUrl('about:srcdoc')).toBe(true);
    expect(isMicrosoftFrameUrl('blob:https://entra.microsoft.com/4f1d-uuid')).toBe(true);
    expect(isMicrosoftFrameUrl('blob:https://example.com/4f1d-uuid')).toBe(false);
  });

  it('frames from foreign hosts are blocked, never offered (the user did not choose them)', () => {
    expect(portalNavigationVerdict('https://tracker.example/frame', 'frame')).toBe('block');
  });
});

describe('portal sessions', () => {
  it('partitions are in memory, name the identity and are fresh per window', () => {
    const a1 = portalPartitionName('admin');
    const a2 = portalPartitionName('admin');
    const m = portalPartitionName('mailbox');
    for (const p of [a1, a2, m]) {
      expect(p.startsWith('persist:')).toBe(false);
      expect(isInMemoryPartition(p)).toBe(true);
    }
    expect(a1).toMatch(/^portal-admin-[0-9a-f-]{36}$/);
    expect(m).toMatch(/^portal-mailbox-/);
    expect(new Set([a1, a2, m]).size).toBe(3);
    expect(isInMemoryPartition('persist:portal-admin-1')).toBe(false);
  });

  it('a nonce cannot smuggle a persist: prefix or separators into the name', () => {
    expect(portalPartitionName('admin', 'persist:x/../y')).toBe('portal-admin-persistxy');
    expect(() => portalPartitionName('admin', '::')).toThrow();
  });

  it('window titles say whose session it is, in both languages', () => {
    expect(portalWindowTitle('admin', 'de')).toMatch(/Administrator/);
    expect(portalWindowTitle('mailbox', 'de')).toMatch(/Postfachbenutzer/);
    expect(portalWindowTitle('admin', 'en')).toMatch(/administrator/);
    expect(portalWindowTitle('mailbox', 'en')).toMatch(/mailbox user/);
    expect(portalWindowTitle('admin', 'de')).not.toBe(portalWindowTitle('mailbox', 'de'));
  });

  it('the prompt before leaving for the system browser names the host', () => {
    const de = externalNavigationPrompt('https://adfs.contoso.de/adfs/ls/', 'de');
    expect(de.message).toContain('adfs.contoso.de');
    expect(de.open).toBe('Im Browser öffnen');
    expect(externalNavigationPrompt('https://adfs.contoso.de/', 'en').detail).toContain('default browser');
  });

  it('the user agent loses the Electron and app tokens and keeps Chrome', () => {
    const ua =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) mailadapter-assistant/0.1.0 Chrome/140.0.7339.41 Electron/38.0.0 Safari/537.36';
    expect(portalUserAgent(ua)).toBe(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.41 Safari/537.36',
    );
  });
});

describe('external link allowlist', () => {
  it.each([
    'https://learn.microsoft.com/entra/identity/',
    'https://support.microsoft.com/de-de/x',
    'https://www.agorum.com/',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));
  it.each([
    'http://learn.microsoft.com/',
    'https://learn.microsoft.com.evil.example/',
    'https://learn.microsoft.com:8443/',
    'https://a:b@learn.microsoft.com/',
    'https://example.com/',
    'file:///C:/Windows/system32/calc.exe',
    'javascript:alert(1)',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
