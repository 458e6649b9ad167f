import '../wizard/wizard.css';

import type { AppInfo, Language } from '@shared/ipc/channels/app';
import { TRACK_CHOICE_STEP } from '@shared/wizard/tracks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../bridge/call';
import { host } from '../bridge/host';
import { useWizardView } from '../bridge/wizard-view';
import { applyLanguage } from '../i18n';
import { RouteNotes } from '../wizard/route/RouteNotes';
import { NavigationProvider, useNavigation } from '../wizard/state/navigation';
import { useStatus } from '../wizard/state/view-lookup';
import { stepBodies } from '../wizard/step-bodies';
import { StatusBadge } from '../wizard/ui/StatusBadge';
import { StepNav } from '../wizard/ui/StepNav';
import { BridgeSignInBanner } from './BridgeSignInBanner';
import { Header } from './Header';
import { Notices } from './Notices';
import { StatusLine } from './StatusLine';
import { StepList } from './StepList';

function Shell(props: { info: AppInfo | undefined; language: Language; onLanguageChange: (l: Language) => void }) {
  const { t } = useTranslation(['common', 'wizard']);
  const { step, stepChange, focusTarget, ready } = useNavigation();
  const steps = useWizardView()?.steps.map((s) => s.id) ?? [];
  const status = useStatus(step);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const contentRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (stepChange === 0) return;
    // A new step starts at its top, and keyboard and screen-reader users land on its heading — or on the part
    // of it a diagnosis pointed to.
    contentRef.current?.scrollTo({ top: 0 });
    requestAnimationFrame(() => {
      const part = focusTarget ? document.getElementById(focusTarget) : null;
      part?.scrollIntoView({ block: 'start' });
      (part ?? headingRef.current)?.focus();
    });
  }, [stepChange, focusTarget]);

  const Body = stepBodies[step];
  // Numbered within the profile's track; the track choice is on neither list and says what it is instead.
  const index = steps.indexOf(step);
  const eyebrow =
    index === 0
      ? t('wizard:intro')
      : index > 0
        ? t('wizard:stepOf', { n: index, total: steps.length - 1 })
        : t('wizard:trackEyebrow');
  return (
    <div className="shell" data-ready={ready ? 'true' : 'false'}>
      <a className="skip-link" href="#content">
        {t('skipToContent')}
      </a>
      <Header language={props.language} onLanguageChange={props.onLanguageChange} />
      <div className="shell-body">
        <StepList />
        <main id="content" ref={contentRef} className="content" aria-labelledby="step-heading" data-step={step}>
          <div className="content-inner">
            <BridgeSignInBanner />
            <Notices />
            <header className="step-header">
              <p className="step-eyebrow" data-testid="step-eyebrow">
                {eyebrow}
              </p>
              <div className="step-title-row">
                <h1 id="step-heading" ref={headingRef} tabIndex={-1}>
                  {t(`wizard:steps.${step}.title`)}
                </h1>
                {step !== 'start' && step !== TRACK_CHOICE_STEP && <StatusBadge view={status} testId="step-status" />}
              </div>
            </header>
            {ready && <RouteNotes step={step} />}
            {ready && <Body key={step} />}
            <StepNav />
          </div>
        </main>
      </div>
      <StatusLine info={props.info} />
    </div>
  );
}

export function App() {
  const [info, setInfo] = useState<AppInfo>();
  const [language, setLanguage] = useState<Language>('de');

  useEffect(() => {
    void call(() => host.getAppInfo()).then((r) => r.ok && setInfo(r.value));
    void call(() => host.getSettings()).then((r) => {
      if (!r.ok) return;
      setLanguage(r.value.language);
      applyLanguage(r.value.language);
    });
  }, []);

  const changeLanguage = async (next: Language) => {
    const r = await call(() => host.setLanguage({ language: next }));
    if (!r.ok) return;
    setLanguage(r.value.language);
    applyLanguage(r.value.language);
  };

  return (
    <NavigationProvider>
      <Shell info={info} language={language} onLanguageChange={(l) => void changeLanguage(l)} />
    </NavigationProvider>
  );
}
