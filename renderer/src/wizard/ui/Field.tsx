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

/** A one-line text input in a Field: the label names it, hint and error describe it, no autofill. */
export function TextField(props: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email';
  inputMode?: 'numeric';
  maxLength?: number;
  /** Host names, addresses and ids are not words: no spell-check squiggles under them. */
  spellCheck?: false;
  mono?: boolean;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <Field
      label={props.label}
      {...(props.hint === undefined ? {} : { hint: props.hint })}
      {...(props.error ? { error: props.error } : {})}
      {...(props.className ? { className: props.className } : {})}
    >
      {(ids) => (
        <input
          id={ids.id}
          type={props.type ?? 'text'}
          {...(props.mono ? { className: 'mono' } : {})}
          {...(props.inputMode ? { inputMode: props.inputMode } : {})}
          {...(props.maxLength ? { maxLength: props.maxLength } : {})}
          {...(props.spellCheck === false ? { spellCheck: false } : {})}
          {...(props.placeholder ? { placeholder: props.placeholder } : {})}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
          autoComplete="off"
          data-testid={props.testId}
        />
      )}
    </Field>
  );
}
