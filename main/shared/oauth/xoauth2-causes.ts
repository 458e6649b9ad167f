/**
 * AUTH_FAILED with a token: the connection-test diagnosis (shared/diagnosis, credential variant `xoauth2`) already
 * lists the causes. The assistant also knows the token's own claims — audience, scopes, user, expiry — and uses
 * them to confirm or rule out those causes, so the likeliest one comes first. The server decides; the claims only rank.
 */
import type { DiagnosisCard, Likelihood } from '../diagnosis/types';
import type { Language } from '../ipc/channels/app';
import { translator } from '../text/translator';
import { IMAP_RESOURCE } from './constants';

/** Non-secret facts from the access token (no signature, no token). */
export interface TokenFacts {
  audience: string | null;
  scopes: string[];
  user: string | null;
  expiresAt: string | null;
}

/** Cause ids of the probe's xoauth2 variant that a claim can speak to. */
const CAUSE = {
  audience: 'token-wrong-audience',
  consent: 'consent-missing',
  user: 'user-not-mailbox',
  expired: 'token-expired',
} as const;

/** Exchange Online's own switches: what is left when the token itself looks right. */
const TENANT_SIDE = [
  'imap-disabled-for-mailbox',
  'imap-off-by-mailbox-plan',
  'modern-auth-blocked-imap',
  'exchange-app-sign-in-disabled',
] as const;

/** Exchange Online's application id also appears as the audience of IMAP tokens. */
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

export interface TokenSignals {
  wrongAudience: boolean;
  scopeMissing: boolean;
  userMismatch: boolean;
  expired: boolean;
}

export function tokenSignals(facts: TokenFacts, mailboxUser: string, now: Date): TokenSignals {
  const aud = facts.audience?.replace(/\/$/, '').toLowerCase() ?? null;
  return {
    wrongAudience: aud !== null && aud !== IMAP_RESOURCE && aud !== EXCHANGE_APP_ID,
    // Opaque tokens carry no scopes to read: then nothing is claimed either way.
    scopeMissing: facts.audience !== null && !facts.scopes.some((s) => s.toLowerCase() === 'imap.accessasuser.all'),
    userMismatch: facts.user !== null && facts.user.toLowerCase() !== mailboxUser.trim().toLowerCase(),
    expired: facts.expiresAt !== null && Date.parse(facts.expiresAt) <= now.getTime(),
  };
}

const ORDER: Record<Likelihood, number> = { high: 0, medium: 1, low: 2 };

/** Re-ranks an AUTH_FAILED card for an XOAUTH2 test and adds the token's facts as evidence. Other cards pass unchanged. */
export function refineTokenDiagnosis(
  card: DiagnosisCard,
  facts: TokenFacts,
  mailboxUser: string,
  language: Language,
  now: Date,
): DiagnosisCard {
  if (card.code !== 'AUTH_FAILED') return card;
  const s = tokenSignals(facts, mailboxUser, now);
  const confirmed = new Set<string>();
  const ruledOut = new Set<string>();
  (s.wrongAudience ? confirmed : ruledOut).add(CAUSE.audience);
  (s.scopeMissing ? confirmed : ruledOut).add(CAUSE.consent);
  (s.userMismatch ? confirmed : ruledOut).add(CAUSE.user);
  (s.expired ? confirmed : ruledOut).add(CAUSE.expired);
  if (facts.audience === null) ruledOut.clear(); // nothing readable: keep the catalogue's ranking
  // A token that looks right: the mailbox and tenant side is left, in the catalogue's order.
  if (confirmed.size === 0 && facts.audience !== null) for (const id of TENANT_SIDE) confirmed.add(id);
  const causes = card.causes
    .map((c, index) => ({
      ...c,
      likelihood: confirmed.has(c.id) ? ('high' as const) : ruledOut.has(c.id) ? ('low' as const) : c.likelihood,
      index,
    }))
    .sort((a, b) => ORDER[a.likelihood] - ORDER[b.likelihood] || a.index - b.index)
    .map(({ index: _index, ...c }) => c);
  return { ...card, causes, evidence: [...card.evidence, tokenEvidence(facts, language)] };
}

export function tokenEvidence(facts: TokenFacts, language: Language): string {
  const tr = translator(language);
  const none = tr.t('diagnosis:value.unknown');
  return tr.t('diagnosis:tokenEvidence', {
    audience: facts.audience ?? none,
    scopes: facts.scopes.join(' ') || none,
    user: facts.user ?? none,
    expiresAt: facts.expiresAt ?? none,
  });
}
