/** Building blocks every step composes: the purpose line, facts about where and as whom, numbered instructions. */
import type { PortalIdentity } from '@shared/wizard/portal-links';
import type { ReactNode } from 'react';

import { type UiKey, type UiListKey, useUiText } from '../../i18n/keys';
import { AdminIcon, ShieldIcon, UserIcon } from './icons';
import { RichText } from './RichText';

export function Lead({ children }: { children: ReactNode }) {
  return <p className="lead">{children}</p>;
}

/** Small facts under the purpose: whose sign-in, where in the portal, which role is needed. */
export function StepFacts(props: { identity?: PortalIdentity; whereKey?: UiKey; roleKey?: UiKey; extra?: ReactNode }) {
  const { t } = useUiText();
  const IdentityIcon = props.identity === 'admin' ? AdminIcon : UserIcon;
  return (
    <ul className="facts">
      {props.identity && (
        <li className={`fact fact-identity fact-${props.identity}`}>
          <IdentityIcon size={16} />
          {t(`meta.identity.${props.identity}`)}
        </li>
      )}
      {props.roleKey && (
        <li className="fact">
          <ShieldIcon size={16} />
          <span className="fact-label">{t('meta.role')}:</span> {t(props.roleKey)}
        </li>
      )}
      {props.whereKey && (
        <li className="fact fact-where">
          <span className="fact-label">{t('meta.where')}:</span> {t(props.whereKey)}
        </li>
      )}
      {props.extra}
    </ul>
  );
}

/** A numbered list from a translated array; `start` continues numbering across sections. */
export function Instructions({ k, start = 1, testId }: { k: UiListKey; start?: number; testId?: string }) {
  const { t } = useUiText();
  const count = t(k, { returnObjects: true }).length;
  return (
    <ol className="instructions" start={start} data-testid={testId}>
      {Array.from({ length: count }, (_, i) => (
        <li key={i} value={start + i}>
          <span className="instruction-number" aria-hidden="true">
            {start + i}
          </span>
          <span className="instruction-text">
            <RichText k={`${k}.${i}`} />
          </span>
        </li>
      ))}
    </ol>
  );
}

/** A bulleted list from a translated array. */
export function Bullets({ k, className }: { k: UiListKey; className?: string }) {
  const { t } = useUiText();
  const count = t(k, { returnObjects: true }).length;
  return (
    <ul className={className ?? 'bullets'}>
      {Array.from({ length: count }, (_, i) => (
        <li key={i}>
          <RichText k={`${k}.${i}`} />
        </li>
      ))}
    </ul>
  );
}

export function Section({
  title,
  children,
  className,
  testId,
}: {
  title?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section className={`card${className ? ` ${className}` : ''}`} data-testid={testId}>
      {title && <h2 className="card-title">{title}</h2>}
      {children}
    </section>
  );
}
