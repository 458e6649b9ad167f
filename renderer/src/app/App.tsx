import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language } from '../../../main/shared/ipc/channels/app';
import { assistant } from '../bridge/assistant';
import { call } from '../bridge/call';
import { applyLanguage } from '../i18n';
import { STEP_IDS, stepComponents, type StepId } from '../wizard/steps';
import { Header } from './Header';
import { StatusLine } from './StatusLine';
import { StepList } from './StepList';

export function App() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo>();
  const [language, setLanguage] = useState<Language>('de');
  const [step, setStep] = useState<StepId>('start');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void call(() => assistant.getAppInfo()).then((r) => r.ok && setInfo(r.value));
    void call(() => assistant.getSettings()).then((r) => {
      if (!r.ok) return;
      setLanguage(r.value.language);
      applyLanguage(r.value.language);
    });
  }, []);

  const changeLanguage = async (next: Language) => {
    const r = await call(() => assistant.setLanguage({ language: next }));
    if (!r.ok) return;
    setLanguage(r.value.language);
    applyLanguage(r.value.language);
  };

  const goTo = (id: StepId) => {
    setStep(id);
    // Move focus to the new step's heading so keyboard and screen-reader users land on the content.
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const Body = stepComponents[step];
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        {t('skipToContent')}
      </a>
      <Header language={language} onLanguageChange={changeLanguage} />
      <div className="shell-body">
        <StepList steps={STEP_IDS} current={step} onSelect={goTo} />
        <main id="content" className="content" aria-labelledby="step-heading">
          <h1 id="step-heading" ref={headingRef} tabIndex={-1}>
            {t(`wizard:steps.${step}.title`)}
          </h1>
          {Body ? <Body stepId={step} /> : <p>{t('steps.placeholder')}</p>}
        </main>
      </div>
      <StatusLine info={info} />
    </div>
  );
}
