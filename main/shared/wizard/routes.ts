/**
 * The routes through the wizard, as data: one entry per way the mail adapter can sign in. The step list, Next/Back,
 * "Step n of N", the route choice, the warnings at Exchange Online and the setup report all read this list, so a
 * further route is one more entry (plus its steps and texts) and no branch anywhere else.
 */
import { isExchangeOnline } from '../oauth/track';
import type { ServerProduct } from '../probe/codes';
import { type TextKey, textKey } from '../text/keys';
import type { WizardStepId } from './steps';

/**
 * What a route's own steps do. When the route changes, a step gives way to the new route's first step with the
 * same job (the Microsoft-side setup, the sign-in, hosting the bridge, the connection test, the values for agorum
 * core); a job the new route does not have leads to its values for agorum core.
 */
export const ROUTE_JOBS = ['setup', 'signIn', 'host', 'test', 'handover'] as const;
export type RouteJob = (typeof ROUTE_JOBS)[number];

/** The steps every route starts with; the route's own work comes after them. */
export const SHARED_STEPS = ['start', 'profile', 'network'] as const satisfies readonly WizardStepId[];

/** A route's names live with the route choice's texts. */
export type RouteText = Extract<TextKey, `oauth:track.${string}`>;

export interface RouteSpec {
  readonly id: string;
  readonly title: RouteText;
  /** One sentence under the title in the route choice. */
  readonly summary: RouteText;
  /** Its own steps by job, each job in order; together, after the shared steps, they are the route's step list. */
  readonly jobs: Readonly<Record<RouteJob, readonly WizardStepId[]>>;
  /** The order of its jobs when it is not ROUTE_JOBS' (the bridge hands over its values before it is tested). */
  readonly order?: readonly RouteJob[];
  /**
   * Signs in with a password over IMAP. Exchange Online refuses every such login (basic authentication is off for
   * good), so at Exchange Online the route needs an acknowledged warning and its steps carry a note.
   */
  readonly passwordLogin: boolean;
  /**
   * Its steps that weaken the tenant (and must be undone when the route is left): a confirmation of one of them
   * means the admin changed that setting.
   */
  readonly weakens: readonly WizardStepId[];
  /** Steps the step list shows as one labelled group. */
  readonly group?: readonly WizardStepId[];
}

export const ROUTES = [
  {
    id: 'app-password',
    title: textKey('oauth:track.appPassword.title'),
    summary: textKey('oauth:track.appPassword.text'),
    jobs: {
      setup: ['securityDefaults', 'perUserMfa'],
      signIn: ['appPassword'],
      host: [],
      test: ['test'],
      handover: ['agorum', 'morePasswords'],
    },
    passwordLogin: true,
    weakens: ['securityDefaults', 'perUserMfa'],
  },
  {
    id: 'modern-auth',
    title: textKey('oauth:track.modernAuth.title'),
    summary: textKey('oauth:track.modernAuth.text'),
    jobs: {
      setup: ['oauthRegistration', 'oauthIds'],
      signIn: ['oauthSignIn'],
      host: [],
      test: ['oauthTest'],
      handover: ['oauthHandover'],
    },
    passwordLogin: false,
    weakens: [],
    group: ['oauthRegistration', 'oauthIds', 'oauthSignIn', 'oauthTest'],
  },
  {
    // agorum core logs in to the bridge with a password over loopback (or its allowed network), never to Exchange:
    // the bridge signs in upstream with OAuth 2.0 as the mailbox user, so the route works at Exchange Online.
    id: 'bridge',
    title: textKey('oauth:track.bridge.title'),
    summary: textKey('oauth:track.bridge.text'),
    jobs: {
      setup: ['oauthRegistration', 'oauthIds'],
      signIn: ['oauthSignIn'],
      host: ['bridgePlace', 'bridgeSetup'],
      test: ['bridgeTest'],
      handover: ['bridgeValues'],
    },
    order: ['setup', 'signIn', 'host', 'handover', 'test'],
    passwordLogin: false,
    weakens: [],
    group: ['bridgePlace', 'bridgeSetup', 'bridgeValues', 'bridgeTest'],
  },
] as const satisfies readonly RouteSpec[];

export type Track = (typeof ROUTES)[number]['id'];
export const ROUTE_IDS = ROUTES.map((r) => r.id) as [Track, ...Track[]];

export const routeSpec = (id: Track): RouteSpec => ROUTES.find((r) => r.id === id)!;

/** The route's step list: the shared steps, then its own, job by job. */
export const stepsOfRoute = (id: Track): readonly WizardStepId[] => {
  return [...SHARED_STEPS, ...ownStepsOfRoute(id)];
};

/** The route's own work (what "continue" means): its steps without the shared ones. */
export const ownStepsOfRoute = (id: Track): readonly WizardStepId[] => {
  const { jobs, order } = routeSpec(id);
  return (order ?? ROUTE_JOBS).flatMap((job) => jobs[job]);
};

/** Which job a step does on whichever route walks it; undefined for the shared steps and the route choice. */
export function jobOfStep(step: WizardStepId): RouteJob | undefined {
  for (const route of ROUTES as readonly RouteSpec[])
    for (const job of ROUTE_JOBS) if (route.jobs[job].includes(step)) return job;
  return undefined;
}

/**
 * The route the assistant recommends for a server — the one function that decides it. Exchange Online (known by
 * its host name, or by the product a test's greeting showed) refuses every password login over IMAP, so there only
 * a route without one can work; as agorum core's form has only a password field, that is the bridge.
 */
export const recommendedRoute = (host: string, products: readonly (ServerProduct | undefined)[] = []): Track =>
  isExchangeOnline(host, products) ? 'bridge' : 'app-password';
