import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';

import type { DnsDetails, ResolvedAddress } from '@shared/probe/report';

import { errnoOf, isNameNotFound, ProbeCancelled, StageFailure } from './failure';
import type { RunBudget } from './run-budget';

/** Resolves a host name to every address; injectable so tests never touch real DNS. */
export type AddressLookup = (host: string) => Promise<ResolvedAddress[]>;

/** The DNS servers asked directly; `dns.promises.Resolver` fits, tests pass one pointed at a local stub. */
export interface NameResolver {
  resolve4(host: string): Promise<string[]>;
  cancel(): void;
}

/** The operating system's resolver (hosts file, search domains), like a mail client would use. */
export const systemLookup: AddressLookup = async (host) => {
  const found = await dns.lookup(host, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** The second question must leave the verdict quick: an offline machine answers at once or not at all. */
const SECOND_OPINION_MAX_MS = 2000;

function dedupe(addresses: ResolvedAddress[]): ResolvedAddress[] {
  const seen = new Set<string>();
  return addresses.filter((a) => (seen.has(a.address) ? false : (seen.add(a.address), true)));
}

/**
 * Windows and macOS answer "not found" also when no DNS server can be reached at all (offline, VPN down), so a
 * not-found from the system resolver is checked by asking the DNS servers directly: only an answer from a server
 * that the name does not exist (NXDOMAIN) or has no address makes it DNS_NOT_FOUND.
 */
async function secondOpinion(
  host: string,
  budget: RunBudget,
  capMs: number,
  resolver: NameResolver | undefined,
): Promise<Pick<DnsDetails, 'confirmation' | 'confirmationError'>> {
  const cap = budget.cap(Math.min(capMs, SECOND_OPINION_MAX_MS));
  const direct = resolver ?? new dns.Resolver({ timeout: Math.max(100, Math.round(cap)), tries: 1 });
  try {
    await budget.bounded(
      cap,
      () => Object.assign(new Error('no answer in time'), { code: 'ETIMEOUT' }),
      (signal) => {
        signal.addEventListener('abort', () => direct.cancel(), { once: true });
        return direct.resolve4(host);
      },
    );
    return { confirmation: 'exists' };
  } catch (err) {
    if (err instanceof ProbeCancelled) throw err;
    const code = errnoOf(err) ?? 'UNKNOWN';
    // c-ares reports NXDOMAIN as ENOTFOUND and an empty answer as ENODATA.
    if (code === 'ENOTFOUND') return { confirmation: 'nxdomain' };
    if (code === 'ENODATA') return { confirmation: 'no-address' };
    return { confirmation: 'no-answer', confirmationError: code };
  }
}

function notFoundVerdict(host: string, code: string, second: Pick<DnsDetails, 'confirmation' | 'confirmationError'>) {
  const details: DnsDetails = { source: 'lookup', addresses: [], error: code, ...second };
  switch (second.confirmation) {
    case 'nxdomain':
      return new StageFailure('DNS_NOT_FOUND', `The name ${host} does not exist in DNS (${code}, NXDOMAIN).`, details);
    case 'no-address':
      return new StageFailure('DNS_NOT_FOUND', `The name ${host} exists but has no address (${code}).`, details);
    case 'no-answer':
      return new StageFailure(
        'DNS_FAILED',
        `No DNS server answered for ${host} (${second.confirmationError}); the system resolver said ${code}, which does not prove the name is wrong.`,
        { ...details, error: second.confirmationError },
      );
    default:
      return new StageFailure(
        'DNS_FAILED',
        `The system resolver found no address for ${host} (${code}), but the DNS servers know the name.`,
        details,
      );
  }
}

/** DNS stage: every address of the host, or DNS_NOT_FOUND / DNS_FAILED with the resolver's error code. */
export async function resolveStage(
  host: string,
  budget: RunBudget,
  capMs: number,
  lookup: AddressLookup,
  resolver?: NameResolver,
): Promise<DnsDetails> {
  const family = isIP(host);
  if (family !== 0) return { source: 'literal', addresses: [{ address: host, family: family === 6 ? 6 : 4 }] };
  const stageEnd = performance.now() + budget.cap(capMs);
  let addresses: ResolvedAddress[];
  try {
    addresses = await budget.bounded(
      budget.cap(capMs),
      () =>
        new StageFailure('DNS_FAILED', `No answer from the resolver for ${host} in time.`, {
          source: 'lookup',
          addresses: [],
          error: 'ETIMEOUT',
        }),
      () => lookup(host),
    );
  } catch (err) {
    if (err instanceof StageFailure || err instanceof ProbeCancelled) throw err;
    const code = errnoOf(err) ?? 'UNKNOWN';
    if (isNameNotFound(code)) {
      const second = await secondOpinion(host, budget, stageEnd - performance.now(), resolver);
      throw notFoundVerdict(host, code, second);
    }
    throw new StageFailure('DNS_FAILED', `The resolver could not answer for ${host} (${code}).`, {
      source: 'lookup',
      addresses: [],
      error: code,
    });
  }
  const unique = dedupe(addresses);
  if (unique.length === 0) {
    throw new StageFailure('DNS_NOT_FOUND', `The name ${host} has no addresses.`, {
      source: 'lookup',
      addresses: [],
      error: 'ENODATA',
    });
  }
  return { source: 'lookup', addresses: unique };
}
