/**
 * The system browser shows Microsoft's error page, not the app: the admin types the AADSTS code to get the guidance.
 * Folded away until needed, since most sign-ins never show one.
 */
import { diagnoseAadsts, extractAadsts, isKnownAadsts, type SignInDiagnosis } from '@shared/oauth/aadsts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Part } from './parts';
import { SignInDiagnosisView } from './SignInDiagnosisView';

export function AadstsLookup({ onGoToPart }: { onGoToPart: (part: Part) => void }) {
  const { t } = useTranslation('oauth');
  const [text, setText] = useState('');
  const [found, setFound] = useState<SignInDiagnosis | 'unknown' | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = extractAadsts(text);
    setFound(code !== undefined && isKnownAadsts(code) ? diagnoseAadsts(code) : 'unknown');
  };
  return (
    <details className="disclosure aadsts-lookup" data-testid="aadsts-lookup">
      <summary>{t('signIn.codeSummary')}</summary>
      <form onSubmit={submit}>
        <label className="field-label" htmlFor="aadsts-code">
          {t('signIn.codeLabel')}
        </label>
        <div className="input-with-button">
          <input
            id="aadsts-code"
            className="mono"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="AADSTS50011"
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="button">
            {t('signIn.codeLookup')}
          </button>
        </div>
        {found === 'unknown' && <p className="muted">{t('signIn.codeUnknown')}</p>}
        {found && found !== 'unknown' && (
          <SignInDiagnosisView diagnosis={found} onGoToPart={onGoToPart} testId="aadsts-lookup-result" />
        )}
      </form>
    </details>
  );
}
