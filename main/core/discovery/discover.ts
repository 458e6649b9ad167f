/**
 * Provider discovery: looks up the MX records and the autodiscover CNAME of an address's domain and says whether
 * the mail is hosted by Microsoft 365 — in which case the IMAP host is outlook.office365.com:993, whatever the
 * domain is called. Bounded like the probe: one deadline, cancellable, never throws for a DNS fault.
 */
import { promises as dns } from 'node:dns';

import type { DiscoveryCode, DiscoveryResult, MxRecord } from '@shared/probe/discovery';
import { emailSchema } from '@shared/probe/discovery';
import { EXCHANGE_ONLINE_IMAP, isMicrosoftMx } from '@shared/probe/microsoft';

import { errnoOf, isNameNotFound, ProbeCancelled, StageFailure } from '../imap/failure';
import { RunBudget } from '../imap/run-budget';

/** The two look-ups discovery needs; `dns.promises.Resolver` fits, tests inject one pointed at a local stub. */
export interface DiscoveryResolver {
  resolveMx(hostname: string): Promise<MxRecord[]>;
  resolveCname(hostname: string): Promise<string[]>;
  /** Abandons outstanding queries (called when the deadline passes or the caller cancels). */
  cancel?(): void;
}

export interface DiscoverOptions {
  signal?: AbortSignal;
  /** Default 10 s. */
  deadlineMs?: number;
  resolver?: DiscoveryResolver;
}

export const DEFAULT_DISCOVERY_DEADLINE_MS = 10_000;

/** Target of autodiscover.<domain> for tenants whose mailboxes live in Exchange Online. */
const isMicrosoftAutodiscover = (target: string) => /(^|\.)autodiscover\.outlook\.com\.?$/i.test(target);

type Lookup<T> = { ok: true; value: T } | { ok: false; errno: string };

async function attempt<T>(work: Promise<T>): Promise<Lookup<T>> {
  try {
    return { ok: true, value: await work };
  } catch (err) {
    return { ok: false, errno: errnoOf(err) ?? 'UNKNOWN' };
  }
}

function domainOf(email: string): string {
  const raw = email
    .slice(email.lastIndexOf('@') + 1)
    .toLowerCase()
    .replace(/\.$/, '');
  try {
    return new URL(`http://${raw}/`).hostname;
  } catch {
    return raw;
  }
}

export async function discover(email: string, options: DiscoverOptions = {}): Promise<DiscoveryResult> {
  const deadlineMs = options.deadlineMs ?? DEFAULT_DISCOVERY_DEADLINE_MS;
  const budget = new RunBudget(deadlineMs, options.signal);
  const parsed = emailSchema.safeParse(email);
  const base = {
    email: parsed.success ? parsed.data : String(email).slice(0, 254),
    mx: [] as MxRecord[],
    provider: 'unknown' as const,
  };
  const finish = (code: DiscoveryCode, rest: Partial<DiscoveryResult>): DiscoveryResult => ({
    ...base,
    domain: '',
    evidence: [],
    ...rest,
    code,
    durationMs: Math.round(budget.elapsed()),
  });
  if (!parsed.success) return finish('INPUT_INVALID', { evidence: parsed.error.issues.map((i) => i.message) });
  const domain = domainOf(parsed.data);

  const resolver: DiscoveryResolver =
    options.resolver ?? new dns.Resolver({ timeout: Math.max(500, Math.min(3000, deadlineMs / 2)), tries: 2 });
  let mx: Lookup<MxRecord[]>;
  let cname: Lookup<string[]>;
  try {
    [mx, cname] = await budget.bounded(
      deadlineMs,
      () => new StageFailure('TIMEOUT', 'DNS did not answer in time.'),
      () =>
        Promise.all([attempt(resolver.resolveMx(domain)), attempt(resolver.resolveCname(`autodiscover.${domain}`))]),
    );
  } catch (err) {
    resolver.cancel?.();
    if (err instanceof ProbeCancelled) return finish('CANCELLED', { domain });
    if (err instanceof StageFailure) return finish('TIMEOUT', { domain, evidence: [err.note] });
    throw err;
  }

  const records = mx.ok ? [...mx.value].sort((a, b) => a.priority - b.priority) : [];
  const autodiscoverCname = cname.ok ? cname.value[0]?.replace(/\.$/, '') : undefined;
  const evidence: string[] = [];
  const microsoftMx = records.find((r) => isMicrosoftMx(r.exchange));
  const microsoftAutodiscover = autodiscoverCname !== undefined && isMicrosoftAutodiscover(autodiscoverCname);
  if (microsoftMx) evidence.push(`MX ${microsoftMx.exchange} is Exchange Online Protection`);
  // Mail can be routed through a third-party gateway while the mailboxes are in Exchange Online.
  if (microsoftAutodiscover) evidence.push(`autodiscover.${domain} points to ${autodiscoverCname}`);
  if (!mx.ok)
    evidence.push(
      mx.errno === 'ENODATA' ? `${domain} has no MX record` : `MX lookup for ${domain} failed (${mx.errno})`,
    );
  const microsoft = microsoftMx !== undefined || microsoftAutodiscover;
  const found = { domain, mx: records, ...(autodiscoverCname ? { autodiscoverCname } : {}), evidence };
  if (microsoft) {
    return finish('OK', { ...found, provider: 'microsoft365', suggestion: { ...EXCHANGE_ONLINE_IMAP } });
  }
  // ENODATA: the domain exists but has no MX — a fact, not a failure.
  const noMx = !mx.ok && mx.errno === 'ENODATA';
  if (!mx.ok && !noMx && !isNameNotFound(mx.errno)) return finish('DNS_FAILED', found);
  if (!mx.ok && !noMx && !autodiscoverCname) return finish('DNS_NOT_FOUND', found);
  return finish('OK', { ...found, provider: records.length > 0 ? 'other' : 'unknown' });
}
