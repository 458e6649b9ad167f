/** Building blocks every step composes: the purpose line, facts about where and as whom, numbered instructions. */
import type { PortalIdentity } from '@shared/wizard/portal-links';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { AdminIcon, ShieldIcon, UserIcon } from './icons';
import { RichText } from './RichText';

export function Lead({ children }: { children: ReactNode }) {
  return <p className="lead">{children}</p>;
}

/** Small facts under the purpose: whose sign-in, where in the portal, which role is needed. */
export function StepFacts(props: {
  identity?: PortalIdentity;
  whereKey?: string;
  roleKey?: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation('wizard');
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
export function Instructions({ k, start = 1, testId }: { k: string; start?: number; testId?: string }) {
  const { t } = useTranslation('wizard');
  const items = t(k, { returnObjects: true }) as unknown;
  const count = Array.isArray(items) ? items.length : 0;
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
export function Bullets({ k, className }: { k: string; className?: string }) {
  const { t } = useTranslation('wizard');
  const items = t(k, { returnObjects: true }) as unknown;
  const count = Array.isArray(items) ? items.length : 0;
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
