/** Persistent app settings beyond the profiles: language, how retests behave, where the window was. */
import { z } from 'zod';
import { languageSchema } from '../ipc/channels/app';

/**
 * Automatic retests after a Microsoft-side change. Bounds respect Smart Lockout (10 failed sign-ins lock the
 * account): at most 4 attempts an hour, never more often than every 10 minutes.
 */
export const retestPolicySchema = z
  .object({
    enabled: z.boolean(),
    intervalMinutes: z.number().int().min(10).max(24 * 60),
    maxAttemptsPerHour: z.number().int().min(1).max(4),
    /** Stop retesting after this many hours without success. */
    giveUpAfterHours: z.number().int().min(1).max(72),
  })
  .strict();
export type RetestPolicy = z.infer<typeof retestPolicySchema>;

export const DEFAULT_RETEST_POLICY: RetestPolicy = {
  enabled: false,
  intervalMinutes: 30,
  maxAttemptsPerHour: 2,
  giveUpAfterHours: 24,
};

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
    retestPolicy: retestPolicySchema,
    windowState: windowStateSchema.nullable(),
  })
  .strict();
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

export const DEFAULT_SETTINGS: StoredSettings = {
  language: 'de',
  retestPolicy: DEFAULT_RETEST_POLICY,
  windowState: null,
};
