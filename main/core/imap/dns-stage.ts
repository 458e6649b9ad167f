import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';

import type { DnsDetails, ResolvedAddress } from '@shared/probe/report';

import { errnoOf, isNameNotFound, ProbeCancelled, StageFailure } from './failure';
import type { RunBudget } from './run-budget';

/** Resolves a host name to every address; injectable so tests never touch real DNS. */
export type AddressLookup = (host: string) => Promise<ResolvedAddress[]>;

/** The operating system's resolver (hosts file, search domains), like a mail client would use. */
export const systemLookup: AddressLookup = async (host) => {
  const found = await dns.lookup(host, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

function dedupe(addresses: ResolvedAddress[]): ResolvedAddress[] {
  const seen = new Set<string>();
  return addresses.filter((a) => (seen.has(a.address) ? false : (seen.add(a.address), true)));
}

/** DNS stage: every address of the host, or DNS_NOT_FOUND / DNS_FAILED with the resolver's error code. */
export async function resolveStage(
  host: string,
  budget: RunBudget,
  capMs: number,
  lookup: AddressLookup,
): Promise<DnsDetails> {
  const family = isIP(host);
  if (family !== 0) return { source: 'literal', addresses: [{ address: host, family: family === 6 ? 6 : 4 }] };
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
    const details: DnsDetails = { source: 'lookup', addresses: [], error: code };
    if (isNameNotFound(code))
      throw new StageFailure('DNS_NOT_FOUND', `The name ${host} does not exist in DNS (${code}).`, details);
    throw new StageFailure('DNS_FAILED', `The resolver could not answer for ${host} (${code}).`, details);
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
