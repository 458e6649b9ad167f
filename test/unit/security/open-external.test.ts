import { canOpenExternally } from '@shared/security/open-external';
import { describe, expect, it } from 'vitest';

describe('canOpenExternally (the check before shell.openExternal)', () => {
  it.each([
    'https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults',
    'https://support.microsoft.com/de-de/account-billing',
    'https://www.agorum.com/',
    'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x',
    'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/TenantOverview.ReactView',
    'https://mysignins.microsoft.com/security-info',
  ])('opens %s', (url) => {
    expect(canOpenExternally(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://learn.microsoft.com/'],
    ['file', 'file:///C:/Windows/System32/calc.exe'],
    ['javascript', 'javascript:alert(1)'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['smb share', 'smb://attacker.example/share'],
    ['UNC-like', '\\\\attacker.example\\share\\x.exe'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['look-alike suffix', 'https://learn.microsoft.com.attacker.example/'],
    ['look-alike prefix', 'https://evillearn.microsoft.com.example/'],
    ['other host', 'https://attacker.example/?u=https://learn.microsoft.com/'],
    ['credentials', 'https://user:pw@learn.microsoft.com/'],
    ['odd port', 'https://learn.microsoft.com:8443/'],
    ['empty', ''],
    ['garbage', 'not a url'],
    ['ip address', 'https://127.0.0.1/'],
  ])('refuses %s', (_name, url) => {
    expect(canOpenExternally(url)).toBe(false);
  });
});
