/**
 * The last report of each test kind per connection. The store keeps the newest reports (so a restart shows them,
 * automatic retests included); a report the store refused (too large, disk full) still shows for this session,
 * and the token facts of an XOAUTH2 test are known only for a test of this session.
 */
import type { TokenFacts } from '@shared/oauth/xoauth2-causes';
import type { ProbeReport } from '@shared/probe/report';
import type { LastTests, TestKind, XoauthTestView } from '@shared/wizard/view';

import type { AppStore } from '../store/app-store';
import { looksLikeReport, testKindOf } from './rules';

export interface TokenOutcome {
  tokenRefreshed: boolean;
  token: TokenFacts;
}

export interface LastTestsBook {
  /** Keeps the report; a store failure is reported to `onUnkept` and the report stays in memory instead. */
  record(profileId: string, report: ProbeReport, token?: TokenOutcome): void;
  read(profileId: string): LastTests;
  forget(profileId: string): void;
}

const newer = (a: ProbeReport | undefined, b: ProbeReport | null): ProbeReport | null =>
  a && (!b || a.checkedAt >= b.checkedAt) ? a : b;

export function createLastTests(
  store: Pick<AppStore, 'recordReport' | 'listReports'>,
  onUnkept: (err: unknown) => void = () => {},
): LastTestsBook {
  const unkept = new Map<string, Partial<Record<TestKind, ProbeReport>>>();
  const tokens = new Map<string, { report: ProbeReport } & TokenOutcome>();

  return {
    record(profileId, report, token) {
      const kind = testKindOf(report);
      if (token) tokens.set(profileId, { report, ...token });
      try {
        store.recordReport(profileId, report);
        const mine = unkept.get(profileId);
        if (mine) delete mine[kind];
      } catch (err) {
        onUnkept(err);
        unkept.set(profileId, { ...unkept.get(profileId), [kind]: report });
      }
    },

    read(profileId) {
      const found: Record<TestKind, ProbeReport | null> = { network: null, password: null, xoauth2: null };
      for (const { report } of store.listReports(profileId)) {
        if (looksLikeReport(report)) found[testKindOf(report)] = report;
      }
      const mine = unkept.get(profileId) ?? {};
      for (const kind of Object.keys(found) as TestKind[]) found[kind] = newer(mine[kind], found[kind]);
      const session = tokens.get(profileId);
      const xoauth2: XoauthTestView | null = found.xoauth2
        ? session && session.report.checkedAt === found.xoauth2.checkedAt
          ? { report: found.xoauth2, tokenRefreshed: session.tokenRefreshed, token: session.token }
          : { report: found.xoauth2 }
        : null;
      return { network: found.network, password: found.password, xoauth2 };
    },

    forget(profileId) {
      unkept.delete(profileId);
      tokens.delete(profileId);
    },
  };
}
