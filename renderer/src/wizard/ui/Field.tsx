/** A form field: visible label (which is also the accessible name), optional hint and error, wired by ids. */
import { type ReactNode, useId } from 'react';

import { ErrorIcon } from './icons';

export interface FieldIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

export function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  /** Extra content right of the label (e.g. a saved-state chip). */
  aside?: ReactNode;
  children: (ids: FieldIds) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {props.label}
        </label>
        {props.aside}
      </div>
      {props.children({ id, describedBy, invalid: Boolean(props.error) })}
      {props.hint && (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field-error">
          <ErrorIcon size={16} />
          {props.error}
        </p>
      )}
    </div>
  );
}
