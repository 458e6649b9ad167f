import { formatDateTime } from '@shared/text/format';
import type { StepStatusView } from '@shared/wizard/step-status';
import { useTranslation } from 'react-i18next';

import { CheckCircleIcon, CircleIcon, WarningIcon } from './icons';
import { pillClass, type PillTone } from './pill';

const TONE = { done: 'ok', attention: 'warn', open: null } as const satisfies Record<
  StepStatusView['status'],
  PillTone
>;

/** "Offen" / "1 von 3 erledigt" / "Erledigt · 24.11.2026, 14:05" / "Bitte prüfen": the status of one step as a pill. */
export function StatusBadge({ view, testId }: { view: StepStatusView; testId?: string }) {
  const { t, i18n } = useTranslation('wizard');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const text = statusText(view, t, lang);
  const Icon = view.status === 'done' ? CheckCircleIcon : view.status === 'attention' ? WarningIcon : CircleIcon;
  return (
    <span className={pillClass('status-badge', TONE[view.status])} data-testid={testId} data-status={view.status}>
      <Icon size={16} />
      {text}
    </span>
  );
}

export function statusText(
  view: StepStatusView,
  t: (k: string, o?: Record<string, string>) => string,
  lang: 'de' | 'en',
): string {
  if (view.status === 'open')
    return view.parts
      ? t('status.partial', { done: String(view.parts.done), total: String(view.parts.total) })
      : t('status.open');
  if (view.status === 'attention') return t('status.attention');
  return view.at ? t('status.doneAt', { date: formatDateTime(view.at, lang) }) : t('status.done');
}
