import type { ReactNode } from 'react';

import { CheckCircleIcon, ErrorIcon, InfoIcon, WarningIcon } from './icons';

export type CalloutTone = 'info' | 'warning' | 'success' | 'error' | 'neutral';

const ICONS = { info: InfoIcon, warning: WarningIcon, success: CheckCircleIcon, error: ErrorIcon, neutral: InfoIcon };

/** A coloured note with an icon: information, a caution, a success or a problem. */
export function Callout(props: {
  tone: CalloutTone;
  title?: ReactNode;
  children?: ReactNode;
  role?: 'status' | 'alert';
  testId?: string;
  className?: string;
}) {
  const Icon = ICONS[props.tone];
  return (
    <div
      className={`callout callout-${props.tone}${props.className ? ` ${props.className}` : ''}`}
      role={props.role}
      data-testid={props.testId}
    >
      <Icon className="callout-icon" />
      <div className="callout-body">
        {props.title && <p className="callout-title">{props.title}</p>}
        {props.children}
      </div>
    </div>
  );
}
