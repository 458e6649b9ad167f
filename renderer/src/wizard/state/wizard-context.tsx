/**
 * The wizard's shared state: the profiles, the active one, its progress, its modern-auth state (which decides the
 * track and so the steps it walks) and the step on screen. Every change goes through main (the store) and the
 * answer replaces local state, so what the screen shows is what survives a restart. The current step is stored
 * in the active profile's progress.
 */
import { assistant } from '@renderer/bridge/assistant';
import { call } from '@renderer/bridge/call';
import type { Language } from '@shared/ipc/channels/app';
import type { Result } from '@shared/ipc/result';
import type { OAuthState, Track } from '@shared/oauth/state';
import type { Profile, ProfileDraft, ProfilePatch } from '@shared/profile/profile';
import type { StepAction, WizardProgress } from '@shared/profile/progress';
import { stepStatus, type StepStatusView } from '@shared/wizard/step-status';
import { DEFAULT_TRACK, stepOnTrack, stepsOfTrack, TRACK_STEPS } from '@shared/wizard/tracks';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';

import { isStepId, type StepId } from '../steps';
import { recallActiveProfile, rememberActiveProfile } from './active-profile';

export type { StepStatusView };

export interface WizardState {
  ready: boolean;
  language: Language;
  profiles: Profile[];
  profile: Profile | undefined;
  progress: WizardProgress | undefined;
  /** The active profile's modern-auth state (never a token); undefined without a profile or while it loads. */
  oauth: OAuthState | undefined;
  /** The active profile's chosen track; null until chosen (the list then shows the documented procedure). */
  track: Track | null;
  /** The steps the active profile walks, in order: its track's list. */
  steps: readonly StepId[];
  step: StepId;
  /** Bumped on every step change the user makes, so the shell moves focus to the new step's heading. */
  stepChange: number;
  /** An element id inside the new step to focus instead of its heading (a part a diagnosis points to). */
  focusTarget: string | undefined;
  goTo(step: StepId, focusTarget?: string): void;
  /** Where Next and Back lead from the step on screen (undefined at either end of the track). */
  nextStep: StepId | undefined;
  prevStep: StepId | undefined;
  next(): void;
  back(): void;
  /** Where "continue" leads on `track`: its first own step (not shared with the other track) that is not done yet. */
  resumeStepOf(track: Track): StepId;
  chooseTrack(track: Track): Promise<boolean>;
  /** Takes main's newer modern-auth state (after a sign-in, a test, a saved registration). */
  setOAuth(state: OAuthState): void;
  selectProfile(id: string): Promise<void>;
  createProfile(draft: ProfileDraft): Promise<Result<Profile>>;
  updateProfile(id: string, patch: ProfilePatch): Promise<Result<Profile>>;
  renameProfile(id: string, displayName: string): Promise<Result<Profile>>;
  deleteProfile(id: string): Promise<boolean>;
  /** Reads the list from main again (after an import); activates the first profile when none is active. */
  reloadProfiles(): Promise<void>;
  changeStep(stepId: StepId, change: StepAction): Promise<boolean>;
  statusOf(stepId: StepId): StepStatusView;
}

const WizardContext = createContext<WizardState | null>(null);

export function useWizard(): WizardState {
  const ctx = useContext(WizardContext);
  if (!ctx) throw new Error('useWizard needs a WizardProvider');
  return ctx;
}

export function WizardProvider({ language, children }: { language: Language; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [profileId, setProfileId] = useState<string | undefined>();
  const [progress, setProgress] = useState<WizardProgress>();
  const [oauthState, setOAuthState] = useState<OAuthState>();
  // The step the admin went to; what shows is its counterpart when the track does not walk it (see `step`).
  const [chosenStep, setStep] = useState<StepId>('start');
  const [stepChange, setStepChange] = useState(0);
  const [focusTarget, setFocusTarget] = useState<string>();
  // The id the latest progress load is for: an older answer arriving late must not overwrite a newer profile's.
  const loadingFor = useRef<string | undefined>(undefined);
  // The step on the track's list the admin left for the track choice (which is on no list): where Back leads.
  const [returnTo, setReturnTo] = useState<StepId>('profile');

  const activate = useCallback(async (id: string | undefined, opts: { resume: boolean }) => {
    loadingFor.current = id;
    setProfileId(id);
    rememberActiveProfile(id);
    if (!id) {
      setProgress(undefined);
      setOAuthState(undefined);
      return;
    }
    const [r, o] = await Promise.all([
      call(() => assistant.getWizardProgress({ profileId: id })),
      call(() => assistant.getOAuthState({ profileId: id }), { quiet: true }),
    ]);
    if (loadingFor.current !== id) return;
    setOAuthState(o.ok ? o.value : undefined);
    if (!r.ok) return;
    setProgress(r.value);
    const saved = r.value.currentStepId;
    // Resuming shows the saved step without moving focus; only the user's own navigation does that.
    if (opts.resume && saved && isStepId(saved)) setStep(saved);
  }, []);

  useEffect(() => {
    void (async () => {
      const r = await call(() => assistant.listProfiles());
      const list = r.ok ? r.value : [];
      setProfiles(list);
      const remembered = recallActiveProfile();
      const initial = list.find((p) => p.id === remembered) ?? list[0];
      await activate(initial?.id, { resume: true });
      setReady(true);
    })();
  }, [activate]);

  const profile = profiles.find((p) => p.id === profileId);
  // Another profile's state (while the active one loads) never decides this profile's track.
  const oauth = oauthState && oauthState.profileId === profileId ? oauthState : undefined;
  const track = oauth?.track ?? null;
  const steps = stepsOfTrack(track);
  // A step the track does not walk (after a track or profile switch) gives way to its counterpart on this track;
  // while the profile's track is still loading, nothing is swapped on a guess.
  const step = !profileId || oauth !== undefined ? stepOnTrack(chosenStep, track) : chosenStep;

  const goTo = useCallback(
    (next: StepId, focus?: string) => {
      if (!steps.includes(next) && steps.includes(step)) setReturnTo(step);
      setStep(next);
      setFocusTarget(focus);
      setStepChange((n) => n + 1);
      if (profileId) {
        void call(() => assistant.setCurrentStep({ profileId, stepId: next })).then((r) => {
          if (r.ok && loadingFor.current === profileId) setProgress(r.value);
        });
      }
    },
    [profileId, step, steps],
  );

  const statusOf = useCallback(
    (stepId: StepId): StepStatusView =>
      stepStatus(stepId, {
        steps: progress?.steps,
        hasProfiles: profiles.length > 0,
        profile: profile ? { createdAt: profile.createdAt } : null,
        oauth: oauth
          ? {
              registered: oauth.registration !== null,
              signedIn: oauth.signedIn,
              signedInAt: oauth.account?.signedInAt ?? null,
            }
          : null,
      }),
    [profile, profiles.length, progress, oauth],
  );

  const resumeStepOf = useCallback(
    (t: Track): StepId => {
      const list = TRACK_STEPS[t];
      // The track's own work: the steps both tracks share (start, profile, network) stay reachable in the list.
      const own = list.filter((id) => !TRACK_STEPS[t === 'modern-auth' ? 'app-password' : 'modern-auth'].includes(id));
      return own.find((id) => statusOf(id).status !== 'done') ?? own[own.length - 1]!;
    },
    [statusOf],
  );

  const index = steps.indexOf(step);
  // The track choice is on no list: Back returns to where the admin came from, Next continues the track.
  const nextStep = index < 0 ? resumeStepOf(track ?? DEFAULT_TRACK) : steps[index + 1];
  const prevStep = index < 0 ? returnTo : steps[index - 1];

  const refreshOAuth = useCallback(async (id: string) => {
    const r = await call(() => assistant.getOAuthState({ profileId: id }), { quiet: true });
    if (r.ok && loadingFor.current === id) setOAuthState(r.value);
  }, []);

  const setOAuth = useCallback((s: OAuthState) => {
    if (s.profileId === loadingFor.current) setOAuthState(s);
  }, []);

  const chooseTrack = useCallback(
    async (next: Track) => {
      if (!profileId) return false;
      const r = await call(() => assistant.setAuthTrack({ profileId, track: next }));
      if (r.ok) setOAuth(r.value);
      return r.ok;
    },
    [profileId, setOAuth],
  );

  const replaceProfile = (p: Profile) => setProfiles((list) => list.map((x) => (x.id === p.id ? p : x)));

  const createProfile = useCallback(
    async (draft: ProfileDraft) => {
      const r = await call(() => assistant.createProfile(draft), { quiet: true });
      if (r.ok) {
        setProfiles((list) => [...list, r.value]);
        await activate(r.value.id, { resume: false });
        // A new profile starts on the step the admin is on, so the next restart resumes here.
        await call(() => assistant.setCurrentStep({ profileId: r.value.id, stepId: step })).then(
          (s) => s.ok && loadingFor.current === r.value.id && setProgress(s.value),
        );
      }
      return r;
    },
    [activate, step],
  );

  const updateProfile = useCallback(
    async (id: string, patch: ProfilePatch) => {
      const r = await call(() => assistant.updateProfile({ id, patch }), { quiet: true });
      if (r.ok) {
        replaceProfile(r.value);
        // Host and user feed the recommended track and the hand-over values.
        void refreshOAuth(id);
      }
      return r;
    },
    [refreshOAuth],
  );

  const renameProfile = useCallback(async (id: string, displayName: string) => {
    const r = await call(() => assistant.renameProfile({ id, displayName }), { quiet: true });
    if (r.ok) replaceProfile(r.value);
    return r;
  }, []);

  const deleteProfile = useCallback(
    async (id: string) => {
      const r = await call(() => assistant.deleteProfile({ id }));
      if (!r.ok) return false;
      const rest = profiles.filter((p) => p.id !== id);
      setProfiles(rest);
      if (id === profileId) await activate(rest[0]?.id, { resume: false });
      return true;
    },
    [activate, profileId, profiles],
  );

  const selectProfile = useCallback(async (id: string) => activate(id, { resume: true }), [activate]);

  const reloadProfiles = useCallback(async () => {
    const r = await call(() => assistant.listProfiles());
    if (!r.ok) return;
    setProfiles(r.value);
    if (!r.value.some((p) => p.id === profileId)) await activate(r.value[0]?.id, { resume: true });
  }, [activate, profileId]);

  const changeStep = useCallback(
    async (stepId: StepId, change: StepAction) => {
      if (!profileId) return false;
      const r = await call(() => assistant.updateWizardStep({ profileId, stepId, change }));
      if (r.ok && loadingFor.current === profileId) setProgress(r.value);
      return r.ok;
    },
    [profileId],
  );

  const value = useMemo<WizardState>(
    () => ({
      ready,
      language,
      profiles,
      profile,
      progress,
      oauth,
      track,
      steps,
      step,
      stepChange,
      focusTarget,
      goTo,
      nextStep,
      prevStep,
      next: () => nextStep && goTo(nextStep),
      back: () => prevStep && goTo(prevStep),
      resumeStepOf,
      chooseTrack,
      setOAuth,
      selectProfile,
      createProfile,
      updateProfile,
      renameProfile,
      deleteProfile,
      reloadProfiles,
      changeStep,
      statusOf,
    }),
    [
      ready,
      language,
      profiles,
      profile,
      progress,
      oauth,
      track,
      steps,
      step,
      stepChange,
      focusTarget,
      goTo,
      nextStep,
      prevStep,
      resumeStepOf,
      chooseTrack,
      setOAuth,
      selectProfile,
      createProfile,
      updateProfile,
      renameProfile,
      deleteProfile,
      reloadProfiles,
      changeStep,
      statusOf,
    ],
  );
  return <WizardContext.Provider value={value}>{children}</WizardContext.Provider>;
}
