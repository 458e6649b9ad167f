/**
 * The app registration the admin creates in Entra ID, as the assistant stores it per profile. Only identifiers:
 * a public client has no secret. Validation keys (`tenant.*`, `clientId.*`) name texts in the catalogue (`errors:field`).
 */
import { z } from 'zod';

import { SIGN_IN_MODES } from './constants';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A DNS name with at least one dot and a letter-only top-level label: "contoso.onmicrosoft.com", "contoso.de".
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** Multi-tenant aliases: valid authorities, but wrong for a single-tenant registration the admin just made. */
const TENANT_ALIASES = new Set(['common', 'organizations', 'consumers']);

export const isGuid = (value: string): boolean => GUID.test(value);

export const tenantSchema = z
  .string({ error: 'tenant.required' })
  .trim()
  .min(1, { error: 'tenant.required', abort: true })
  .refine((s) => !TENANT_ALIASES.has(s.toLowerCase()), { error: 'tenant.alias', abort: true })
  .refine((s) => GUID.test(s) || DOMAIN.test(s), { error: 'tenant.invalid' })
  .transform((s) => s.toLowerCase());

export const clientIdSchema = z
  .string({ error: 'clientId.required' })
  .trim()
  .min(1, { error: 'clientId.required', abort: true })
  .refine((s) => GUID.test(s), { error: 'clientId.invalid' })
  .transform((s) => s.toLowerCase());

export const signInModeSchema = z.enum(SIGN_IN_MODES);

/** The fields as a zod shape, so the IPC channel can add the profile id without repeating the rules. */
export const registrationShape = {
  tenant: tenantSchema,
  clientId: clientIdSchema,
  mode: signInModeSchema.default('system-browser'),
};

// Both IDs sit next to each other on the registration's overview page; pasting one twice is an easy slip.
export const distinctIds = (r: { tenant: string; clientId: string }): boolean => r.tenant !== r.clientId;
export const DISTINCT_IDS_ISSUE = { error: 'clientId.sameAsTenant', path: ['clientId'] };

export const oauthRegistrationSchema = z.object(registrationShape).strict().refine(distinctIds, DISTINCT_IDS_ISSUE);

export type OAuthRegistration = z.output<typeof oauthRegistrationSchema>;
export type OAuthRegistrationInput = z.input<typeof oauthRegistrationSchema>;

export interface RegistrationProblem {
  field: 'tenant' | 'clientId' | 'mode';
  /** Message key, e.g. `tenant.alias`; the renderer shows the localized text. */
  code: string;
}

/** First problem per field, for inline hints next to the two input boxes. */
export function registrationProblems(input: unknown): RegistrationProblem[] {
  const parsed = oauthRegistrationSchema.safeParse(input);
  if (parsed.success) return [];
  const seen = new Set<string>();
  const out: RegistrationProblem[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'tenant') as RegistrationProblem['field'];
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, code: issue.message });
  }
  return out;
}
