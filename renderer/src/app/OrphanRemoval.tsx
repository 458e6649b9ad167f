/**
 * The confirmation before keychain entries are deleted: every entry that would go is listed by what it is and whose
 * it was. Entries of connections in a moved-aside settings file are listed apart and unticked, so they go only when
 * the user ticks them on purpose.
 */
import type { OrphanSecret } from '@shared/profile/secrets';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../bridge/call';
import { host } from '../bridge/host';
import { TrashIcon } from '../wizard/ui/icons';
import { groupOrphans, type OrphanGroup } from './orphan-groups';

const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p;

function Entry({ group, checked, onToggle }: { group: OrphanGroup; checked: boolean; onToggle: () => void }) {
  const { t } = useTranslation('notices');
  const what = t(`orphans.kind.${group.kind ?? 'unknown'}`);
  const owner = group.stray
    ? t('orphans.stray')
    : group.movedAside
      ? group.movedAside.displayName
        ? t('orphans.ofMovedAside', { name: group.movedAside.displayName, file: fileName(group.movedAside.file) })
        : t('orphans.ofMovedAsideUnnamed', { file: fileName(group.movedAside.file) })
      : t('orphans.ofDeleted', { id: (group.profileId ?? group.key).slice(0, 8) });
  return (
    <li>
      <label>
        <input type="checkbox" checked={checked} onChange={onToggle} data-testid={`orphan-${group.key}`} />
        <strong>{what}</strong> {owner}
      </label>
    </li>
  );
}

export function OrphanRemoval(props: { onCancel: () => void; onRemoved: (count: number) => void }) {
  const { t } = useTranslation('notices');
  const [groups, setGroups] = useState<OrphanGroup[]>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    void call(() => host.listOrphanSecrets()).then((r) => {
      if (!r.ok) return props.onCancel();
      const list = groupOrphans(r.value as OrphanSecret[]);
      setGroups(list);
      setChosen(new Set(list.filter((g) => !g.movedAside).map((g) => g.key)));
    });
    // Runs once when the confirmation opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => heading.current?.focus(), [groups]);

  if (!groups) return <p role="status">{t('orphans.loading')}</p>;
  const toggle = (key: string) =>
    setChosen((before) => {
      const next = new Set(before);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const plain = groups.filter((g) => !g.movedAside);
  const inBackups = groups.filter((g) => g.movedAside);
  const remove = async () => {
    setBusy(true);
    const accounts = groups.filter((g) => chosen.has(g.key)).flatMap((g) => g.accounts);
    const r = await call(() => host.removeOrphanSecrets({ accounts }));
    setBusy(false);
    if (r.ok) props.onRemoved(groups.filter((g) => g.accounts.some((a) => r.value.removed.includes(a))).length);
  };
  const list = (items: OrphanGroup[]) => (
    <ul className="orphan-list">
      {items.map((g) => (
        <Entry key={g.key} group={g} checked={chosen.has(g.key)} onToggle={() => toggle(g.key)} />
      ))}
    </ul>
  );

  return (
    <div className="orphan-confirm" data-testid="orphan-confirm">
      <p className="callout-title" ref={heading} tabIndex={-1}>
        {t('orphans.confirmTitle')}
      </p>
      <p>{t('orphans.confirmLead')}</p>
      {plain.length > 0 && list(plain)}
      {inBackups.length > 0 && (
        <div data-testid="orphan-in-backups">
          <p className="callout-title">{t('orphans.backupTitle')}</p>
          <p>{t('orphans.backupLead')}</p>
          {list(inBackups)}
        </div>
      )}
      <div className="notice-actions">
        <button
          type="button"
          className="button button-small button-danger"
          disabled={busy || chosen.size === 0}
          onClick={() => void remove()}
        >
          <TrashIcon size={16} />
          {t('orphans.confirm', { count: chosen.size })}
        </button>
        <button type="button" className="button button-small" onClick={props.onCancel}>
          {t('orphans.cancel')}
        </button>
      </div>
    </div>
  );
}
