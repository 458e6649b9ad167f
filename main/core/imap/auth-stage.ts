import type { AuthDetails, AuthMechanism, CapabilityDetails } from '@shared/probe/report';
import type { Credential } from '@shared/probe/settings';

import { StageFailure } from './failure';
import { hasCapability } from './greeting-stage';
import { capabilitiesOf, type ImapResponse, throttleOf, withoutTag } from './imap-response';
import type { ImapSession } from './imap-session';
import { decodeChallenge, loginArg, saslPlain, saslXoauth2 } from './sasl';
import { SECRET_MASK } from './transcript';

/** Which way to log in with a password: 'auto' picks the fewest round trips the server allows. */
export type MechanismPreference = 'auto' | 'plain' | 'login';

/** RFC 7888 LITERAL-: non-synchronising literals up to this size. */
const LITERAL_MINUS_MAX = 4096;

interface Plan {
  mechanism: AuthMechanism;
  /** Written at once; then, per continuation request, the next step. */
  first: { data: Buffer; shown: string };
  steps: Array<{ data: Buffer; shown: string }>;
  /** Answer to any further continuation request (a SASL error challenge). */
  fallback: { data: Buffer; shown: string };
}

const line = (text: string, shown = text) => ({ data: Buffer.from(`${text}\r\n`, 'utf8'), shown });

function chooseMechanism(
  credential: Credential,
  caps: CapabilityDetails,
  preference: MechanismPreference,
): AuthMechanism | undefined {
  const offers = (m: string) => caps.authMechanisms.includes(m);
  if (credential.kind === 'xoauth2') return offers('XOAUTH2') ? 'XOAUTH2' : undefined;
  const saslIr = hasCapability(caps, 'SASL-IR');
  if (preference === 'login') return caps.loginDisabled ? undefined : 'LOGIN';
  if (preference === 'plain') return offers('PLAIN') ? 'PLAIN' : undefined;
  if (offers('PLAIN') && saslIr) return 'PLAIN';
  if (!caps.loginDisabled) return 'LOGIN';
  return offers('PLAIN') ? 'PLAIN' : undefined;
}

/** LOGIN with quoted strings where possible, literals where needed (non-synchronising when the server allows). */
function loginPlan(tag: string, user: string, password: string, caps: CapabilityDetails): Plan {
  const literalPlus = hasCapability(caps, 'LITERAL+');
  const literalMinus = hasCapability(caps, 'LITERAL-');
  const userArg = loginArg(user);
  const passArg = loginArg(password);
  const shownUser = userArg.kind === 'quoted' ? userArg.text : `{${userArg.bytes.length}} ${user}`;
  const writes: Array<{ parts: Buffer[]; secret: boolean }> = [{ parts: [Buffer.from(`${tag} LOGIN`)], secret: false }];
  for (const [index, arg] of [userArg, passArg].entries()) {
    const current = writes[writes.length - 1]!;
    const isPassword = index === 1;
    if (arg.kind === 'quoted') {
      current.parts.push(Buffer.from(` ${arg.text}`));
      current.secret ||= isPassword;
      continue;
    }
    const nonSync = literalPlus || (literalMinus && arg.bytes.length <= LITERAL_MINUS_MAX);
    current.parts.push(Buffer.from(` {${arg.bytes.length}${nonSync ? '+' : ''}}\r\n`));
    if (nonSync) {
      current.parts.push(arg.bytes);
      current.secret ||= isPassword;
    } else {
      writes.push({ parts: [arg.bytes], secret: isPassword });
    }
  }
  writes[writes.length - 1]!.parts.push(Buffer.from('\r\n'));
  const [first, ...rest] = writes;
  return {
    mechanism: 'LOGIN',
    first: { data: Buffer.concat(first!.parts), shown: `${tag} LOGIN ${shownUser} ${SECRET_MASK}` },
    steps: rest.map((w) => ({ data: Buffer.concat(w.parts), shown: w.secret ? SECRET_MASK : '(literal: user name)' })),
    fallback: line('*', '*'),
  };
}

function plan(
  tag: string,
  user: string,
  credential: Credential,
  caps: CapabilityDetails,
  mechanism: AuthMechanism,
): Plan {
  if (mechanism === 'LOGIN' && credential.kind === 'password') return loginPlan(tag, user, credential.password, caps);
  const xoauth = credential.kind === 'xoauth2';
  const response = xoauth
    ? saslXoauth2(user, credential.accessToken)
    : saslPlain(user, credential.kind === 'password' ? credential.password : '');
  const name = xoauth ? 'XOAUTH2' : 'PLAIN';
  // XOAUTH2 failures arrive as a challenge that must be answered with an empty line; PLAIN is cancelled with '*'.
  const fallback = xoauth ? line('', '(empty response)') : line('*', '*');
  if (hasCapability(caps, 'SASL-IR')) {
    return {
      mechanism,
      first: line(`${tag} AUTHENTICATE ${name} ${response}`, `${tag} AUTHENTICATE ${name} ${SECRET_MASK}`),
      steps: [],
      fallback,
    };
  }
  return { mechanism, first: line(`${tag} AUTHENTICATE ${name}`), steps: [line(response, SECRET_MASK)], fallback };
}

function classifyRefusal(tagged: ImapResponse, details: AuthDetails): StageFailure<'auth'> {
  const throttle = throttleOf(tagged);
  if (throttle.throttled) {
    return new StageFailure('AUTH_THROTTLED', `The server is throttling logins: ${details.response}`, {
      ...details,
      ...(throttle.backoffMs !== undefined ? { backoffMs: throttle.backoffMs } : {}),
    });
  }
  if (tagged.code === 'UNAVAILABLE')
    return new StageFailure('SERVER_UNAVAILABLE', `The server cannot serve logins now: ${details.response}`, details);
  if (tagged.kind === 'BAD' && /mechanism|not supported|unsupported/i.test(tagged.text)) {
    return new StageFailure(
      'AUTH_MECHANISM_UNSUPPORTED',
      `The server rejected the ${details.mechanism} mechanism: ${details.response}`,
      details,
    );
  }
  return new StageFailure('AUTH_FAILED', `The server refused the login: ${details.response}`, details);
}

/**
 * Auth stage: exactly one attempt, with the cheapest mechanism the server offers (AUTHENTICATE PLAIN with an
 * initial response saves a round trip). Never retried, because every refused attempt counts towards lockout.
 */
export async function authStage(opts: {
  session: ImapSession;
  user: string;
  credential: Credential;
  caps: CapabilityDetails;
  preference: MechanismPreference;
  capMs: number;
}): Promise<{ details: AuthDetails; capabilitiesAfter?: string[] }> {
  const { session, caps } = opts;
  const mechanism = chooseMechanism(opts.credential, caps, opts.preference);
  if (!mechanism) {
    const wanted = opts.credential.kind === 'xoauth2' ? 'XOAUTH2' : 'PLAIN or LOGIN';
    throw new StageFailure<'auth'>(
      'AUTH_MECHANISM_UNSUPPORTED',
      `The server offers no usable login method for this credential (needs ${wanted}; offered: ${caps.authMechanisms.join(' ') || 'none'}${caps.loginDisabled ? ', LOGINDISABLED' : ''}).`,
      {},
    );
  }
  const tag = session.nextTag();
  const steps = plan(tag, opts.user, opts.credential, caps, mechanism);
  const details: AuthDetails = { mechanism };
  session.conn.transcript.add('client', steps.first.shown);
  session.conn.write(steps.first.data);
  const { tagged, untagged } = await session.complete(tag, 'auth', opts.capMs, (request) => {
    const next = steps.steps.shift();
    if (next) {
      session.conn.transcript.add('client', next.shown);
      session.conn.write(next.data);
      return;
    }
    const saslError = decodeChallenge(request.text);
    if (saslError) details.saslError = saslError;
    session.conn.transcript.add('client', steps.fallback.shown);
    session.conn.write(steps.fallback.data);
  });
  details.response = withoutTag(tagged);
  if (tagged.code) details.responseCode = tagged.code;
  if (tagged.kind !== 'OK') throw classifyRefusal(tagged, details);
  const capabilitiesAfter = [tagged, ...untagged].map(capabilitiesOf).find((l) => l !== undefined);
  return { details, ...(capabilitiesAfter ? { capabilitiesAfter } : {}) };
}
