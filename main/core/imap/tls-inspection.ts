import { isMicrosoftHost } from '@shared/probe/microsoft';
import type { CertificateInfo, TlsInspectionHint } from '@shared/probe/report';

/**
 * Names on certificates issued by TLS-inspecting proxies, firewalls and security suites. Seeing one of these
 * as an issuer means the connection is being decrypted in the middle, whatever host was asked for.
 */
const INSPECTION_PRODUCTS: ReadonlyArray<[RegExp, string]> = [
  [/fortinet|fortigate/i, 'Fortinet'],
  [/zscaler/i, 'Zscaler'],
  [/palo ?alto/i, 'Palo Alto Networks'],
  [/sophos/i, 'Sophos'],
  [/cisco|umbrella/i, 'Cisco'],
  [/check ?point/i, 'Check Point'],
  [/barracuda/i, 'Barracuda'],
  [/blue ?coat|symantec web/i, 'Blue Coat / Symantec'],
  [/mcafee|skyhigh/i, 'McAfee / Skyhigh'],
  [/forcepoint|websense/i, 'Forcepoint'],
  [/kaspersky/i, 'Kaspersky'],
  [/\beset\b/i, 'ESET'],
  [/avast|\bavg\b/i, 'Avast / AVG'],
  [/bitdefender/i, 'Bitdefender'],
  [/netskope/i, 'Netskope'],
  [/watchguard/i, 'WatchGuard'],
  [/sonicwall/i, 'SonicWall'],
  [/untangle/i, 'Untangle'],
  [/cloudflare for teams|gateway ca - cloudflare/i, 'Cloudflare Gateway'],
  [/securly|lightspeed/i, 'Web filter'],
];

/**
 * Public CAs behind Microsoft 365 endpoints (DigiCert roots, Microsoft's own issuing CAs, and the older Baltimore /
 * GlobalSign roots). Anything else on a Microsoft host is almost certainly re-signed on the way.
 */
const MICROSOFT_PUBLIC_ISSUERS = /digicert|microsoft|baltimore|cybertrust|globalsign/i;

const topIssuer = (chain: CertificateInfo[]): string => chain[chain.length - 1]?.issuerName ?? '';

/**
 * Heuristic: does this chain look re-signed by something in the admin's network? Always names the issuer of the
 * topmost certificate, so the UI can say who issued what it saw.
 */
export function inspectChain(host: string, chain: CertificateInfo[]): TlsInspectionHint | undefined {
  if (chain.length === 0) return undefined;
  const issuer = topIssuer(chain);
  const names = chain.flatMap((c) => [c.issuer, c.subject]).join(' | ');
  const product = INSPECTION_PRODUCTS.find(([pattern]) => pattern.test(names))?.[1];
  const foreignOnMicrosoftHost = isMicrosoftHost(host) && chain.some((c) => !MICROSOFT_PUBLIC_ISSUERS.test(c.issuer));
  return {
    suspected: product !== undefined || foreignOnMicrosoftHost,
    issuer,
    ...(product ? { product } : {}),
  };
}
