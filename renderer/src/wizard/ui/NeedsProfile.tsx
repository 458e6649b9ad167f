import { type UiKey, useUiText } from '../../i18n/keys';
import { Callout } from './Callout';
import { GoToStep } from './GoToStep';

/** Shown by steps that work on a connection while none exists yet, with the way to create one. */
export function NeedsProfile({ textKey = 'done.needsProfile' }: { textKey?: UiKey }) {
  const { t } = useUiText();
  return (
    <Callout tone="info">
      <p>{t(textKey)}</p>
      <GoToStep step="profile" label={t('done.toProfile')} />
    </Callout>
  );
}
