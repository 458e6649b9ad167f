/**
 * MSAL reports an unknown tenant and an unreachable sign-in service alike ("endpoints_resolution_error"). One
 * direct look at the tenant's discovery document tells them apart: Microsoft answers an unknown tenant with an
 * AADSTS90002 error body, while a network problem gives no answer at all.
 */
import type { INetworkModule } from '@azure/msal-node';
import { diagnoseAadsts, diagnoseLocal, extractAadsts, type SignInDiagnosis } from '@shared/oauth/aadsts';

import { type AuthorityConfig, authorityUrl } from './authority';

type Get = (url: string) => Promise<{ status: number; body: unknown }>;

const fetchGet: Get = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: await res.json().catch(() => ({})) };
};

export const networkGet = (client?: INetworkModule): Get =>
  client ? (url) => client.sendGetRequestAsync<unknown>(url, {}, 10_000) : fetchGet;

export async function explainAuthorityFailure(
  authority: AuthorityConfig,
  tenant: string,
  get: Get,
): Promise<SignInDiagnosis> {
  try {
    const { status, body } = await get(`${authorityUrl(authority, tenant)}/v2.0/.well-known/openid-configuration`);
    const description =
      typeof (body as { error_description?: unknown })?.error_description === 'string'
        ? (body as { error_description: string }).error_description
        : '';
    const code = extractAadsts(description);
    if (status >= 400 && code !== undefined) return diagnoseAadsts(code, description);
    return diagnoseLocal('AUTHORITY_UNREACHABLE', `HTTP ${status}`);
  } catch (err) {
    return diagnoseLocal('AUTHORITY_UNREACHABLE', err instanceof Error ? err.name : undefined);
  }
}
