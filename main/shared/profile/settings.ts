/**
 * Persistent app settings beyond the profiles: language, where the window was and which connection was open. (Automatic retests are opted into
 * per profile and follow the fixed, lockout-safe schedule in main/shared/wizard/retest.ts — not a setting.)
 */
import { z } from 'zod';

import { languageSchema } from '../ipc/channels/app';
import { profileIdSchema } from './profile';

/** Same shape as the Electron window's bounds; x/y are absent when the OS should place the window. */
export const windowStateSchema = z
  .object({
    x: z.number().int().min(-100_000).max(100_000).optional(),
    y: z.number().int().min(-100_000).max(100_000).optional(),
    width: z.number().int().min(200).max(20_000),
    height: z.number().int().min(200).max(20_000),
    maximized: z.boolean().optional(),
  })
  .strict();
export type WindowState = z.infer<typeof windowStateSchema>;

export const storedSettingsSchema = z
  .object({
    language: languageSchema,
    windowState: windowStateSchema.nullable(),
    /** The connection on screen, so a restart opens it again; absent or stale means the first one. */
    activeProfileId: profileIdSchema.nullable().optional(),
  })
  .strict();
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

export const DEFAULT_SETTINGS: StoredSettings = {
  language: 'de',
  windowState: null,
};
