import { type UiKey, useUiText } from '../../i18n/keys';
import { useNavigation } from '../state/navigation';
import { Callout } from './Callout';

/** Shown by steps that work on a connection while none exists yet, with the way to create one. */
export function NeedsProfile({ textKey = 'done.needsProfile' }: { textKey?: UiKey }) {
  const { t } = useUiText();
  const { goTo } = useNavigation();
  return (
    <Callout tone="info">
      <p>{t(textKey)}</p>
      <button type="button" className="button" onClick={() => goTo('profile')}>
        {t('done.toProfile')}
      </button>
    </Callout>
  );
}
