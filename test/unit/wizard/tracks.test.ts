import type { StepProgress } from '@shared/profile/progress';
import { stepStatus, type StepStatusFacts } from '@shared/wizard/step-status';
import { WIZARD_STEP_IDS } from '@shared/wizard/steps';
import {
  MODERN_AUTH_GROUP,
  REGISTRATION_PARTS,
  stepOnTrack,
  stepsOfTrack,
  TRACK_CHOICE_STEP,
  TRACK_STEPS,
} from '@shared/wizard/tracks';
import { describe, expect, it } from 'vitest';

const done = (confirmedAt: string): StepProgress => ({
  status: 'done',
  confirmedAt,
  confirmations: [confirmedAt],
  note: '',
  updatedAt: confirmedAt,
});
const facts = (over: Partial<StepStatusFacts> = {}): StepStatusFacts => ({
  steps: {},
  hasProfiles: true,
  profile: { createdAt: '2026-11-20T08:00:00.000Z' },
  oauth: { registered: false, signedIn: false, signedInAt: null },
  ...over,
});

describe('the two tracks', () => {
  it('the app-password track is the documented procedure, unchanged: nine steps, numbered 1 to 8 after Start', () => {
    expect(TRACK_STEPS['app-password']).toEqual([
      'start',
      'profile',
      'network',
      'securityDefaults',
      'perUserMfa',
      'appPassword',
      'test',
      'agorum',
      'morePasswords',
    ]);
    expect(TRACK_STEPS['app-password'].length - 1).toBe(8);
  });

  it('the modern-auth track shares Start, profile and network, then walks its own parts and ends with the hand-over', () => {
    const steps = TRACK_STEPS['modern-auth'];
    expect(steps).toEqual([
      'start',
      'profile',
      'network',
      'oauthRegistration',
      'oauthIds',
      'oauthSignIn',
      'oauthTest',
      'oauthHandover',
    ]);
    expect(steps.length - 1).toBe(7);
    for (const appPasswordOnly of [
      'securityDefaults',
      'perUserMfa',
      'appPassword',
      'morePasswords',
      'test',
      'agorum',
    ] as const) {
      expect(steps).not.toContain(appPasswordOnly);
    }
    // The group the step list labels is a contiguous run of the track.
    const first = steps.indexOf(MODERN_AUTH_GROUP[0]!);
    expect(steps.slice(first, first + MODERN_AUTH_GROUP.length)).toEqual(MODERN_AUTH_GROUP);
  });

  it('until a track is chosen the list is the documented one; the track choice is on neither list', () => {
    expect(stepsOfTrack(null)).toBe(TRACK_STEPS['app-password']);
    expect(stepsOfTrack(undefined)).toBe(TRACK_STEPS['app-password']);
    expect(Object.values(TRACK_STEPS).flat()).not.toContain(TRACK_CHOICE_STEP);
    // Every id of either list is a real step id.
    for (const id of Object.values(TRACK_STEPS).flat()) expect(WIZARD_STEP_IDS).toContain(id);
  });

  it('a step the track does not walk gives way to the step with the same job; shared steps and the choice stay', () => {
    expect(stepOnTrack('test', 'modern-auth')).toBe('oauthTest');
    expect(stepOnTrack('agorum', 'modern-auth')).toBe('oauthHandover');
    expect(stepOnTrack('securityDefaults', 'modern-auth')).toBe('oauthRegistration');
    expect(stepOnTrack('appPassword', 'modern-auth')).toBe('oauthSignIn');
    expect(stepOnTrack('oauthTest', 'app-password')).toBe('test');
    expect(stepOnTrack('oauthHandover', null)).toBe('agorum');
    expect(stepOnTrack('oauthIds', 'app-password')).toBe('securityDefaults');
    for (const shared of ['start', 'profile', 'network'] as const) {
      expect(stepOnTrack(shared, 'modern-auth')).toBe(shared);
      expect(stepOnTrack(shared, 'app-password')).toBe(shared);
    }
    expect(stepOnTrack(TRACK_CHOICE_STEP, 'modern-auth')).toBe(TRACK_CHOICE_STEP);
    expect(stepOnTrack(TRACK_CHOICE_STEP, null)).toBe(TRACK_CHOICE_STEP);
    // Every step of one track lands on the other track's list.
    for (const id of TRACK_STEPS['app-password'])
      expect(TRACK_STEPS['modern-auth']).toContain(stepOnTrack(id, 'modern-auth'));
    for (const id of TRACK_STEPS['modern-auth'])
      expect(TRACK_STEPS['app-password']).toContain(stepOnTrack(id, 'app-password'));
  });
});

describe('step status', () => {
  it('Start and the profile are proven by a saved profile', () => {
    expect(stepStatus('start', facts())).toEqual({ status: 'done', at: null });
    expect(stepStatus('profile', facts())).toEqual({ status: 'done', at: '2026-11-20T08:00:00.000Z' });
    expect(stepStatus('start', facts({ hasProfiles: false, profile: null }))).toEqual({ status: 'open' });
    expect(stepStatus('profile', facts({ profile: null }))).toEqual({ status: 'open' });
  });

  it('the app registration counts its three parts and is done with the last one, at its time', () => {
    expect(stepStatus('oauthRegistration', facts())).toEqual({ status: 'open' });
    const two = { oauthRegister: done('2026-11-20T09:00:00.000Z'), oauthPermissions: done('2026-11-20T09:30:00.000Z') };
    expect(stepStatus('oauthRegistration', facts({ steps: two }))).toEqual({
      status: 'open',
      parts: { done: 2, total: 3 },
    });
    const all = { ...two, oauthPlatform: done('2026-11-20T09:10:00.000Z') };
    expect(stepStatus('oauthRegistration', facts({ steps: all }))).toEqual({
      status: 'done',
      at: '2026-11-20T09:30:00.000Z',
    });
    // An undone part makes the registration open again.
    const undone = { ...all, oauthPlatform: { ...all.oauthPlatform, status: 'open' as const, confirmedAt: null } };
    expect(stepStatus('oauthRegistration', facts({ steps: undone }))).toEqual({
      status: 'open',
      parts: { done: 2, total: 3 },
    });
    expect(REGISTRATION_PARTS).toHaveLength(3);
  });

  it('the IDs and the sign-in follow what main holds, not a click', () => {
    expect(stepStatus('oauthIds', facts())).toEqual({ status: 'open' });
    expect(stepStatus('oauthIds', facts({ oauth: { registered: true, signedIn: false, signedInAt: null } }))).toEqual({
      status: 'done',
      at: null,
    });
    expect(
      stepStatus(
        'oauthSignIn',
        facts({ oauth: { registered: true, signedIn: true, signedInAt: '2026-11-20T10:00:00.000Z' } }),
      ),
    ).toEqual({
      status: 'done',
      at: '2026-11-20T10:00:00.000Z',
    });
    // A stored confirmation under those ids does not fake a sign-in.
    expect(stepStatus('oauthSignIn', facts({ steps: { oauthSignIn: done('2026-11-20T10:00:00.000Z') } }))).toEqual({
      status: 'open',
    });
    expect(stepStatus('oauthSignIn', facts({ oauth: null }))).toEqual({ status: 'open' });
  });

  it('the other steps are what the admin (or a passing test) confirmed', () => {
    expect(stepStatus('oauthTest', facts({ steps: { oauthTest: done('2026-11-20T10:05:00.000Z') } }))).toEqual({
      status: 'done',
      at: '2026-11-20T10:05:00.000Z',
    });
    expect(
      stepStatus(
        'securityDefaults',
        facts({ steps: { securityDefaults: { ...done('2026-11-20T07:00:00.000Z'), status: 'attention' } } }),
      ),
    ).toEqual({
      status: 'attention',
      at: '2026-11-20T07:00:00.000Z',
    });
    expect(stepStatus('oauthHandover', facts())).toEqual({ status: 'open' });
  });
});
