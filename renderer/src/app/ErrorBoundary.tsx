import './AboutDialog.css';

import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../bridge/call';
import { host } from '../bridge/host';

/**
 * Catches render errors anywhere below it and shows a recoverable screen instead of a blank window.
 * The error goes to main's log (redacted there); wizard state lives in main's store, so "try again" and
 * "reload" both come back to where the user was.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const err = error instanceof Error ? error : new Error(String(error));
    void call(
      () =>
        host.reportRendererError({
          message: `${err.name}: ${err.message}`.slice(0, 4000),
          ...(err.stack ? { stack: err.stack.slice(0, 20_000) } : {}),
          ...(info.componentStack ? { componentStack: info.componentStack.slice(0, 20_000) } : {}),
        }),
      { quiet: true },
    );
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <ErrorScreen error={error} onRetry={() => this.setState({ error: undefined })} />;
  }
}

function ErrorScreen({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation('support');
  return (
    <main className="error-screen" role="alert" aria-labelledby="error-screen-title" data-testid="error-screen">
      <h1 id="error-screen-title">{t('crash.title')}</h1>
      <p>{t('crash.body')}</p>
      <p className="support-muted">{t('crash.logged')}</p>
      <div className="error-screen-actions">
        <button type="button" className="primary" onClick={onRetry} autoFocus>
          {t('crash.retry')}
        </button>
        <button type="button" onClick={() => location.reload()}>
          {t('crash.reload')}
        </button>
      </div>
      <details>
        <summary>{t('crash.details')}</summary>
        <pre>{`${error.name}: ${error.message}`}</pre>
      </details>
    </main>
  );
}
