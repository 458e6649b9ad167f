import type { OrphanSecret, SecretKind } from '@shared/profile/secrets';

/** One secret as the user thinks of it: a long secret's chunk items travel with it. */
export interface OrphanGroup {
  key: string;
  /** Every keychain account of the secret (its own item and its chunk items). */
  accounts: string[];
  kind: SecretKind | null;
  profileId: string | null;
  movedAside?: OrphanSecret['movedAside'];
  /** Only chunk items, no item of its own: the rest of a save or delete that was cut off. */
  stray: boolean;
}

export function groupOrphans(orphans: readonly OrphanSecret[]): OrphanGroup[] {
  const groups = new Map<string, OrphanGroup>();
  for (const o of orphans) {
    const key = o.profileId && o.kind ? `${o.profileId}:${o.kind}` : o.account;
    const group = groups.get(key) ?? {
      key,
      accounts: [],
      kind: o.kind,
      profileId: o.profileId,
      ...(o.movedAside ? { movedAside: o.movedAside } : {}),
      stray: true,
    };
    group.accounts.push(o.account);
    if (o.chunk === undefined) group.stray = false;
    groups.set(key, group);
  }
  return [...groups.values()];
}
