/**
 * A schematic picture of a Microsoft (or agorum) page with the control to use highlighted. The thumbnail sits in
 * the step; "Enlarge" (or a click on the picture) shows it full size in a dialog. Files live in
 * assets/screenshots/<locale>/ and are served next to the app as ./screenshots/<locale>/<name>.svg.
 */
import { useState } from 'react';

import { type UiKey, useUiText } from '../../i18n/keys';
import { Dialog } from './Dialog';
import { ZoomIcon } from './icons';

/**
 * A figure's two texts by their common stem: `securityDefaults.figure` stands for `securityDefaults.figureAlt` (what
 * the picture shows, for people who cannot see it) and `securityDefaults.figureCaption` (the visible caption); a
 * step with two figures has `…figureA` and `…figureB`. Only stems whose both texts exist type-check.
 */
export type FigureTexts = {
  [K in UiKey]: K extends `${infer Stem}.figureAlt${infer Which}`
    ? `${Stem}.figureCaption${Which}` extends UiKey
      ? `${Stem}.figure${Which}`
      : never
    : never;
}[UiKey];

const figureKey = (texts: FigureTexts, part: 'Alt' | 'Caption') =>
  texts.replace(/\.figure([^.]*)$/, `.figure${part}$1`) as UiKey;

export const illustrationSrc = (name: string, language: string) => `./screenshots/${language}/${name}.svg`;

/** `name` is the file name without extension, e.g. 'security-defaults'. */
export function Illustration({ name, texts }: { name: string; texts: FigureTexts }) {
  const { t, i18n } = useUiText();
  const [open, setOpen] = useState(false);
  const src = illustrationSrc(name, i18n.language === 'en' ? 'en' : 'de');
  const alt = t(figureKey(texts, 'Alt'));
  const caption = t(figureKey(texts, 'Caption'));
  return (
    <figure className="illustration" data-testid={`illustration-${name}`}>
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
