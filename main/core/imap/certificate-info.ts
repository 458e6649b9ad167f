import { createHash } from 'node:crypto';
import type { DetailedPeerCertificate, PeerCertificate } from 'node:tls';

import type { CertificateInfo } from '@shared/probe/report';

/** Longest chain walked; real chains have 2–4 links, a loop or a hostile server must not keep us walking. */
const MAX_CHAIN = 10;

type Name = PeerCertificate['subject'];

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** "CN=..., O=..., C=..." in the order certificates are usually read. */
export function formatName(name: Name | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}

export const displayName = (name: Name | undefined): string => first(name?.O) ?? first(name?.CN) ?? formatName(name);

const toIso = (text: string): string => {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
};

function describe(cert: PeerCertificate): CertificateInfo {
  const fingerprint =
    cert.fingerprint256 ||
    (createHash('sha256').update(cert.raw).digest('hex').toUpperCase().match(/../g) ?? []).join(':');
  return {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    issuerName: displayName(cert.issuer),
    subjectAltNames: (cert.subjectaltname ?? '').split(/,\s*/).filter(Boolean),
    validFrom: toIso(cert.valid_from),
    validTo: toIso(cert.valid_to),
    fingerprint256: fingerprint,
    serialNumber: cert.serialNumber,
    selfSigned: formatName(cert.subject) === formatName(cert.issuer),
  };
}

/** The chain as the server presented it (plus the local root when Node completed it), leaf first. */
export function describeChain(leaf: DetailedPeerCertificate | undefined): CertificateInfo[] {
  const chain: CertificateInfo[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = leaf;
  while (cert && cert.raw && chain.length < MAX_CHAIN) {
    const info = describe(cert);
    if (seen.has(info.fingerprint256)) break;
    seen.add(info.fingerprint256);
    chain.push(info);
    cert = cert.issuerCertificate;
  }
  return chain;
}
