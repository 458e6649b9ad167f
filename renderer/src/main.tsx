import './i18n';
import './app/styles.css';

import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';

// Only in `vite build --mode test-hooks` (the browser harness's error-boundary test); production builds drop it.
const TestHook = import.meta.env.MODE === 'test-hooks' ? lazy(() => import('./app/ErrorBoundaryTestHook')) : null;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
      {TestHook && (
        <Suspense fallback={null}>
          <TestHook />
        </Suspense>
      )}
    </ErrorBoundary>
  </StrictMode>,
);
