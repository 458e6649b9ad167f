/** The app registration in Entra ID: three Microsoft-side parts, each a card with its own done-confirmation. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Section } from '../ui/StepParts';
import { ModernAuthPage } from './ModernAuthPage';
import { partAnchor, partTitleKeyOf, type RegistrationCard } from './parts';
import { PermissionsPart, PlatformPart, RegisterPart } from './RegistrationParts';

/** A part as a card; its heading is the anchor a diagnosis jumps to ("back to the permissions"). */
function PartCard({ part, index, children }: { part: RegistrationCard; index: number; children: ReactNode }) {
  const { t } = useTranslation(['oauth', 'wizard']);
  return (
    <Section className="oauth-part" testId={`oauth-part-${part}`}>
      <h2 className="card-title" id={partAnchor(part)} tabIndex={-1}>
        <span className="instruction-number" aria-hidden="true">
          {index + 1}
        </span>
        {t(partTitleKeyOf(part))}
      </h2>
      {children}
    </Section>
  );
}

export function RegistrationStep() {
  return (
    <ModernAuthPage
      leadKey="steps.registration.lead"
      render={() => (
        <>
          <PartCard part="register" index={0}>
            <RegisterPart />
          </PartCard>
          <PartCard part="platform" index={1}>
            <PlatformPart />
          </PartCard>
          <PartCard part="permissions" index={2}>
            <PermissionsPart />
          </PartCard>
        </>
      )}
    />
  );
}
