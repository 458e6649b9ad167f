import type { Notice } from '@shared/profile/notices';

import type { LoadEvent } from '../store/durable-document';

type NoticeInput = Notice extends infer N ? (N extends Notice ? Omit<N, 'id' | 'at'> : never) : never;

export interface NoticeBoard {
  list(): Notice[];
  add(notice: NoticeInput): void;
  /** Replaces all notices of one kind (e.g. a fresh orphan count). */
  replaceKind(kind: Notice['kind'], notice: NoticeInput | null): void;
  dismiss(id: string): void;
}

export function createNoticeBoard(now: () => Date): NoticeBoard {
  let notices: Notice[] = [];
  let counter = 0;
  const make = (n: NoticeInput): Notice => ({ ...n, id: `${n.kind}-${++counter}`, at: now().toISOString() }) as Notice;
  return {
    list: () => notices.map((n) => ({ ...n })),
    add: (n) => void notices.push(make(n)),
    replaceKind(kind, n) {
      notices = notices.filter((x) => x.kind !== kind);
      if (n) notices.push(make(n));
    },
    dismiss(id) {
      notices = notices.filter((n) => n.id !== id);
    },
  };
}

/** What happened while opening the data folder's documents, as notices the UI can show. */
export function noticesFromLoad(events: readonly LoadEvent[]): NoticeInput[] {
  return events.flatMap((e): NoticeInput[] => {
    if (e.kind === 'recovered') {
      const { kind: _kind, ...rest } = e;
      return [{ kind: 'store-recovered', ...rest }];
    }
    return e.backupPath
      ? [
          {
            kind: 'store-migrated',
            document: e.document,
            fromVersion: e.fromVersion,
            toVersion: e.toVersion,
            backupPath: e.backupPath,
          },
        ]
      : [];
  });
}
