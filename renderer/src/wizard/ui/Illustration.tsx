/**
 * A schematic picture of a Microsoft (or agorum) page with the control to use highlighted. The thumbnail sits in
 * the step; "Enlarge" (or a click on the picture) shows it full size in a dialog. Files live in
 * assets/screenshots/<locale>/ and are served next to the app as ./screenshots/<locale>/<name>.svg.
 */
import { useState } from 'react';

import { type UiKey, useUiText } from '../../i18n/keys';
import { Dialog } from './Dialog';
import { ZoomIcon } from './icons';

export interface IllustrationSpec {
  /** File name without extension, e.g. 'security-defaults'. */
  name: string;
  /** The alt text: what the picture shows, for people who cannot see it. */
  altKey: UiKey;
  /** The visible caption. */
  captionKey: UiKey;
}

export const illustrationSrc = (name: string, language: string) => `./screenshots/${language}/${name}.svg`;

export function Illustration({ spec }: { spec: IllustrationSpec }) {
  const { t, i18n } = useUiText();
  const [open, setOpen] = useState(false);
  const src = illustrationSrc(spec.name, i18n.language === 'en' ? 'en' : 'de');
  const alt = t(spec.altKey);
  const caption = t(spec.captionKey);
  return (
    <figure className="illustration" data-testid={`illustration-${spec.name}`}>
      <div className="illustration-frame">
        {/* The picture opens on click too; keyboard users have the Enlarge button. */}
        <img src={src} alt={alt} loading="lazy" onClick={() => setOpen(true)} />
      </div>
      <div className="illustration-bar">
        <figcaption>{caption}</figcaption>
        <button type="button" className="button button-small button-subtle" onClick={() => setOpen(true)}>
          <ZoomIcon size={16} />
          {t('figure.enlarge')}
        </button>
      </div>
      <Dialog open={open} title={caption} onClose={() => setOpen(false)} size="wide" testId="illustration-dialog">
        <img className="illustration-large" src={src} alt={alt} />
      </Dialog>
    </figure>
  );
}
