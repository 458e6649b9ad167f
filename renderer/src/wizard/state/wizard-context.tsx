/**
 * The wizard's shared state: the profiles, the active one, its progress and the step on screen.
 * Every change goes through main (the store) and the answer replaces local state, so what the screen shows is
 * what survives a restart. The current step is stored in the active profile's progress.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Language } from '../../../../main/shared/ipc/channels/app';
import type { Profile, ProfileDraft, ProfilePatch } from '../../../../main/shared/profile/profile';
import type { StepAction, StepProgress, WizardProgress } from '../../../../main/shared/profile/progress';
import type { Result } from '../../../../main/shared/ipc/result';
import { assistant } from '../../bridge/assistant';
import { call } from '../../bridge/call';
import { STEP_IDS, isStepId, type StepId } from '../steps';
import { rememberActiveProfile, recallActiveProfile } from './active-profile';

export type StepStatusView = { status: 'open' } | { status: 'done'; at: string | null } | { status: 'attention'; at: string | null };

export interface WizardState {
  ready: boolean;
  language: Language;
  profiles: Profile[];
  profile: Profile | undefined;
  progress: WizardProgress | undefined;
  step: StepId;
  /** Bumped on every step change the user makes, so the shell moves focus to the new step's heading. */
  stepChange: number;
  goTo(step: StepId): void;
  next(): void;
  back(): void;
  selectProfile(id: string): Promise<void>;
  createProfile(draft: ProfileDraft): Promise<Result<Profile>>;
  updateProfile(id: string, patch: ProfilePatch): Promise<Result<Profile>>;
  renameProfile(id: string, displayName: string): Promise<Result<Profile>>;
  deleteProfile(id: string): Promise<boolean>;
  changeStep(stepId: StepId, change: StepAction): Promise<boolean>;
  statusOf(stepId: StepId): StepStatusView;
}

const WizardContext = createContext<WizardState | null>(null);

export function useWizard(): WizardState {
  const ctx = useContext(WizardContext);
  if (!ctx) throw new Error('useWizard needs a WizardProvider');
  return ctx;
}

function statusFromProgress(p: StepProgress | undefined): StepStatusView {
  if (!p || p.status === 'open') return { status: 'open' };
  return { status: p.status, at: p.confirmedAt };
}

export function WizardProvider({ language, children }: { language: Language; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [profileId, setProfileId] = useState<string | undefined>();
  const [progress, setProgress] = useState<WizardProgress>();
  const [step, setStep] = useState<StepId>('start');
  const [stepChange, setStepChange] = useState(0);
  // The id the latest progress load is for: an older answer arriving late must not overwrite a newer profile's.
  const loadingFor = useRef<string | undefined>(undefined);

  const activate = useCallback(async (id: string | undefined, opts: { resume: boolean }) => {
    loadingFor.current = id;
    setProfileId(id);
    rememberActiveProfile(id);
    if (!id) {
      setProgress(undefined);
      return;
    }
    const r = await call(() => assistant.getWizardProgress({ profileId: id }));
    if (loadingFor.current !== id || !r.ok) return;
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

  const goTo = useCallback(
    (next: StepId) => {
      setStep(next);
      setStepChange((n) => n + 1);
      if (profileId) {
        void call(() => assistant.setCurrentStep({ profileId, stepId: next })).then((r) => {
          if (r.ok && loadingFor.current === profileId) setProgress(r.value);
        });
      }
    },
    [profileId],
  );

  const offset = useCallback(
    (delta: number) => {
      const i = STEP_IDS.indexOf(step);
      const target = STEP_IDS[Math.min(STEP_IDS.length - 1, Math.max(0, i + delta))];
      if (target && target !== step) goTo(target);
    },
    [goTo, step],
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

  const updateProfile = useCallback(async (id: string, patch: ProfilePatch) => {
    const r = await call(() => assistant.updateProfile({ id, patch }), { quiet: true });
    if (r.ok) replaceProfile(r.value);
    return r;
  }, []);

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

  const changeStep = useCallback(
    async (stepId: StepId, change: StepAction) => {
      if (!profileId) return false;
      const r = await call(() => assistant.updateWizardStep({ profileId, stepId, change }));
      if (r.ok && loadingFor.current === profileId) setProgress(r.value);
      return r.ok;
    },
    [profileId],
  );

  const statusOf = useCallback(
    (stepId: StepId): StepStatusView => {
      // Start and Profile have no confirmation of their own: a saved profile is their proof.
      if (stepId === 'start') return profiles.length > 0 ? { status: 'done', at: null } : { status: 'open' };
      if (stepId === 'profile') return profile ? { status: 'done', at: profile.createdAt } : { status: 'open' };
      return statusFromProgress(progress?.steps[stepId]);
    },
    [profile, profiles.length, progress],
  );

  const value = useMemo<WizardState>(
    () => ({
      ready,
      language,
      profiles,
      profile,
      progress,
      step,
      stepChange,
      goTo,
      next: () => offset(1),
      back: () => offset(-1),
      selectProfile,
      createProfile,
      updateProfile,
      renameProfile,
      deleteProfile,
      changeStep,
      statusOf,
    }),
    [ready, language, profiles, profile, progress, step, stepChange, goTo, offset, selectProfile, createProfile, updateProfile, renameProfile, deleteProfile, changeStep, statusOf],
  );
  return <WizardContext.Provider value={value}>{children}</WizardContext.Provider>;
}
