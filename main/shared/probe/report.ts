/**
 * The connection-test report: everything the probe learned, stage by stage, as plain data.
 * It carries evidence (addresses, certificate facts, server lines) but never a secret: the transcript masks
 * credentials and no field holds a password or token.
 */
import type { ProbeCode, ProbeStage, Security, ServerProduct } from './codes';
import type { InputIssue } from './settings';

export type StageStatus = 'ok' | 'failed' | 'skipped';

export interface InputDetails {
  host: string;
  port: number;
  security: Security;
  user: string;
  /** Which credential the probe was given; 'none' in network-only mode. */
  credential: 'password' | 'xoauth2' | 'none';
  networkOnly: boolean;
  /** Adjustments made to the input (e.g. a pasted imaps:// URL reduced to its host). */
  notices: InputIssue[];
  /** Refused fields, when the stage failed. */
  issues: InputIssue[];
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface DnsDetails {
  /** 'literal' when the host already was an IP address. */
  source: 'literal' | 'lookup';
  addresses: ResolvedAddress[];
  /** Resolver error code (ENOTFOUND, ESERVFAIL, ...) when resolution failed. */
  error?: string;
  /**
   * When the system resolver found nothing: what the DNS servers said when asked directly. 'nxdomain' and
   * 'no-address' confirm it; 'no-answer' means no server answered (offline), so the name may well be right.
   */
  confirmation?: 'nxdomain' | 'no-address' | 'no-answer' | 'exists';
  /** Why the direct question got no answer (ECONNREFUSED, ETIMEOUT, ...). */
  confirmationError?: string;
}

/** 'reset': the connection was cut off (a reset, or a close) before the server sent a single byte. */
export type ConnectResult = 'connected' | 'refused' | 'reset' | 'timeout' | 'unreachable' | 'error' | 'not-tried';

export interface ConnectAttempt extends ResolvedAddress {
  result: ConnectResult;
  ms: number;
  /** System error code (ECONNREFUSED, ECONNRESET, EHOSTUNREACH, ...). */
  error?: string;
}

export interface TcpDetails {
  attempts: ConnectAttempt[];
  /** The address the probe went on with. */
  connected?: string;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** Organisation of the issuer when present, else its common name: the name a person recognises. */
  issuerName: string;
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  /** SHA-256 over the DER encoding, colon-separated hex (as browsers show it). */
  fingerprint256: string;
  serialNumber: string;
  selfSigned: boolean;
}

export type TlsVerdict = 'trusted' | 'untrusted' | 'expired' | 'hostname-mismatch' | 'handshake-failed';

export interface TlsInspectionHint {
  /** True when the chain was issued by something a public mail host would not use (a proxy, a firewall). */
  suspected: boolean;
  /** The issuer to name to the admin (organisation or common name of the topmost certificate). */
  issuer: string;
  /** Known product family when the issuer names one (e.g. 'Fortinet', 'Zscaler'). */
  product?: string;
}

export interface TlsDetails {
  /** True when the session was upgraded with STARTTLS instead of implicit TLS. */
  starttls: boolean;
  verdict: TlsVerdict;
  protocol?: string;
  cipher?: string;
  /** OpenSSL's verification error (e.g. CERT_HAS_EXPIRED, SELF_SIGNED_CERT_IN_CHAIN). */
  authorizationError?: string;
  /** Why the host name did not match the certificate, when it did not. */
  hostnameError?: string;
  /** Leaf first, as far as the server sent it (collected even when verification failed). */
  chain: CertificateInfo[];
  inspection?: TlsInspectionHint;
  /** Handshake error text when the handshake itself failed. */
  error?: string;
}

export interface GreetingDetails {
  status: 'OK' | 'PREAUTH' | 'BYE' | 'none';
  text: string;
  /** For NOT_IMAP: what seems to answer instead. */
  looksLike?: 'http' | 'smtp' | 'pop3' | 'ftp' | 'ssh' | 'tls' | 'unknown';
  /** For STARTTLS: the greeting came over the not-yet-encrypted connection. */
  plaintext?: boolean;
}

export interface CapabilityDetails {
  list: string[];
  /** Where the list came from: the greeting, an explicit CAPABILITY command or the login response. */
  source: 'greeting' | 'command' | 'auth-response';
  /** SASL mechanisms the server offers (AUTH=...). */
  authMechanisms: string[];
  loginDisabled: boolean;
}

export type AuthMechanism = 'PLAIN' | 'LOGIN' | 'XOAUTH2' | 'PREAUTH';

export interface AuthDetails {
  mechanism?: AuthMechanism;
  /** The server's answer without the tag, e.g. "NO AUTHENTICATE failed." */
  response?: string;
  /** Bracketed response code, e.g. AUTHENTICATIONFAILED, UNAVAILABLE. */
  responseCode?: string;
  /** From "Suggested Backoff Time: N milliseconds" (Exchange throttling). */
  backoffMs?: number;
  /** Decoded SASL error challenge (XOAUTH2 servers send a JSON status); never contains the token. */
  saslError?: string;
}

export interface MailboxDetails {
  mailbox: 'INBOX';
  command: 'STATUS';
  messages?: number;
  response?: string;
  responseCode?: string;
}

export interface StageDetailsMap {
  input: InputDetails;
  dns: DnsDetails;
  tcp: TcpDetails;
  tls: TlsDetails;
  greeting: GreetingDetails;
  capabilities: CapabilityDetails;
  auth: AuthDetails;
  mailbox: MailboxDetails;
}

export type StageResult = {
  [S in ProbeStage]: {
    stage: S;
    status: StageStatus;
    /** Wall time spent in the stage (0 when skipped). */
    ms: number;
    details?: StageDetailsMap[S];
    /** One English sentence for logs and support; the UI shows localized text looked up by code. */
    note?: string;
  };
}[ProbeStage];

export interface TranscriptEntry {
  /** Milliseconds since the probe started. */
  t: number;
  /** 'note' lines are the probe's own remarks (TLS established, line cut), not protocol traffic. */
  dir: 'client' | 'server' | 'note';
  line: string;
}

export interface ServerInfo {
  product: ServerProduct;
  greeting: string | null;
  capabilities: string[];
}

export interface ProbeReport {
  ok: boolean;
  code: ProbeCode;
  /** The stage that decided the outcome: the failed one, or the last one that ran when all went well. */
  stage: ProbeStage;
  /** All stages in canonical order, each ok, failed or skipped. */
  stages: StageResult[];
  server: ServerInfo;
  /** Same as the tls stage's details; null when TLS was never reached. */
  tls: TlsDetails | null;
  transcript: TranscriptEntry[];
  durationMs: number;
  /** ISO timestamp of the start of the probe. */
  checkedAt: string;
}

/** Typed access to one stage of a report. */
export function stageOf<S extends ProbeStage>(
  report: Pick<ProbeReport, 'stages'>,
  stage: S,
): Extract<StageResult, { stage: S }> | undefined {
  return report.stages.find((s): s is Extract<StageResult, { stage: S }> => s.stage === stage);
}

/** Progress of one stage, pushed while a probe runs ('running' when it starts, then its final status). */
export interface ProbeStageEvent {
  runId: string;
  stage: ProbeStage;
  status: StageStatus | 'running';
  ms: number;
  details?: StageDetailsMap[ProbeStage];
}
