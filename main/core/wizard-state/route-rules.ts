/**
 * The rules about routes at Exchange Online, in one place: switching security defaults off weakens the whole tenant,
 * and a route that logs in with a password can never work there. So the route is chosen explicitly, its cost is
 * acknowledged before its steps, its steps say so, and what it changed is offered for undoing once it is left.
 */
import { AppError } from '@shared/ipc/result';
import { isExchangeOnline } from '@shared/oauth/track';
import type { WizardProgress } from '@shared/profile/progress';
import { recommendedRoute, ROUTES, type RouteSpec, routeSpec, SHARED_STEPS, type Track } from '@shared/wizard/routes';
import { WIZARD_STEP_IDS, type WizardStepId } from '@shared/wizard/steps';
import { DEFAULT_TRACK, TRACK_CHOICE_STEP } from '@shared/wizard/tracks';
import type { LastTests, RouteAdvice, RouteOption, UndoOffer } from '@shared/wizard/view';

import { switchOffered } from './rules';

/**
 * Progress id (not a step) whose confirmation records that the admin read what a password route costs at Exchange
 * Online and took it anyway; kept with the connection's progress, so it is asked once.
 */
export const PASSWORD_ROUTE_WARNING = 'passwordRouteWarning';

export interface RouteFacts {
  host: string;
  route: Track | null;
  progress: WizardProgress;
  lastTests: LastTests;
}

const confirmedAt = (progress: WizardProgress, id: string): string | null =>
  progress.steps[id]?.status === 'done' ? (progress.steps[id]?.confirmedAt ?? null) : null;

const productsSeen = (f: RouteFacts) => [f.lastTests.network?.server.product, f.lastTests.password?.server.product];

export const atExchangeOnline = (f: RouteFacts): boolean => isExchangeOnline(f.host, productsSeen(f));

/** The recommendation for this connection, with what its tests showed about the server. */
export const recommendedFor = (f: RouteFacts): Track => recommendedRoute(f.host, productsSeen(f));

function warningOf(f: RouteFacts, spec: RouteSpec): RouteOption['warning'] {
  if (!spec.passwordLogin || !atExchangeOnline(f)) return null;
  return confirmedAt(f.progress, PASSWORD_ROUTE_WARNING) ? 'acknowledged' : 'required';
}

export const routeOptions = (f: RouteFacts): RouteOption[] =>
  (ROUTES as readonly RouteSpec[]).map((spec) => ({
    id: spec.id as Track,
    title: spec.title,
    summary: spec.summary,
    recommended: spec.id === recommendedFor(f),
    warning: warningOf(f, spec),
  }));

/** What the routes the admin left (or the refused password) changed in the tenant, from the steps confirmed. */
function undoOffer(f: RouteFacts): UndoOffer | null {
  const onPasswordRoute = f.route !== null && routeSpec(f.route).passwordLogin;
  const verdict = switchOffered(f.lastTests.password, f.host);
  if (onPasswordRoute && !verdict) return null;
  const weakened = new Set((ROUTES as readonly RouteSpec[]).flatMap((r) => (r.passwordLogin ? r.weakens : [])));
  const at = (step: WizardStepId) => (weakened.has(step) ? confirmedAt(f.progress, step) : null);
  const offer = { securityDefaultsOffAt: at('securityDefaults'), perUserMfaAt: at('perUserMfa') };
  return offer.securityDefaultsOffAt || offer.perUserMfaAt ? offer : null;
}

export function routeAdvice(f: RouteFacts): RouteAdvice {
  const exchangeOnline = atExchangeOnline(f);
  const chosen = f.route ? routeSpec(f.route) : null;
  const warningPending = chosen !== null && warningOf(f, chosen) === 'required';
  const choiceRequired = exchangeOnline && f.route === null;
  const noteSteps =
    exchangeOnline && chosen?.passwordLogin ? [...chosen.jobs.setup, ...chosen.jobs.signIn] : ([] as WizardStepId[]);
  const undo = undoOffer(f);
  const undoOn: WizardStepId[] = [];
  if (undo) {
    undoOn.push(TRACK_CHOICE_STEP);
    if (switchOffered(f.lastTests.password, f.host)) undoOn.push('test');
    if (chosen && !chosen.passwordLogin) undoOn.push(chosen.jobs.setup[0]!);
  }
  return { exchangeOnline, choiceRequired, warningPending, noteSteps, undo, undoOn };
}

/**
 * The route whose steps the list shows: at an Exchange Online host never a route nobody chose. Exchange Online seen
 * only in a test's greeting leaves the list as it was (the page must not move under the verdict); Next still waits
 * for the choice.
 */
export const listedRouteOf = (f: RouteFacts): Track =>
  f.route ?? (isExchangeOnline(f.host) ? recommendedRoute(f.host) : DEFAULT_TRACK);

const isShared = (id: WizardStepId) => (SHARED_STEPS as readonly WizardStepId[]).includes(id);

/**
 * Where Next leads from each step. While the route still has to be chosen (or its warning read), every way into a
 * route's own steps leads to the route choice instead, and the choice itself leads nowhere until it is made.
 */
export function nextSteps(
  listed: readonly WizardStepId[],
  resume: WizardStepId,
  advice: Pick<RouteAdvice, 'choiceRequired' | 'warningPending'>,
): Record<WizardStepId, WizardStepId | null> {
  const gated = advice.choiceRequired || advice.warningPending;
  const next = Object.fromEntries(WIZARD_STEP_IDS.map((id) => [id, null])) as Record<WizardStepId, WizardStepId | null>;
  listed.forEach((id, i) => {
    const following = listed[i + 1] ?? null;
    next[id] = gated && following !== null && !isShared(following) ? TRACK_CHOICE_STEP : following;
  });
  next[TRACK_CHOICE_STEP] = gated ? null : resume;
  return next;
}

/**
 * A password route at Exchange Online is taken only with its cost acknowledged (once per connection): the admin is
 * about to weaken the tenant for a login the server refuses.
 */
export function checkRouteChoice(f: RouteFacts, route: Track, acknowledge: boolean): void {
  if (warningOf(f, routeSpec(route)) === 'required' && !acknowledge)
    throw new AppError(
      'ROUTE_WARNING_REQUIRED',
      'This route cannot work at Exchange Online; its warning must be acknowledged before it is chosen.',
    );
}
