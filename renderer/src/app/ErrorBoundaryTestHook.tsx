import { useState } from 'react';

/**
 * Test-only: a button that makes a component throw while rendering, so the browser harness can prove the error
 * boundary. main.tsx loads it only when the renderer is built with `--mode test-hooks`; production builds do not
 * contain it (test/unit/support/test-hook-absent.test.ts checks the built bundle).
 */
export default function ErrorBoundaryTestHook() {
  const [boom, setBoom] = useState(false);
  // State, not a module flag: React renders a failing component twice before giving up, and a remount
  // (the boundary's "try again") starts with boom = false, so recovery works.
  if (boom) throw new Error('Test error thrown by the error-boundary test hook');
  return (
    <button type="button" className="test-hook" data-testid="test-hook-throw" onClick={() => setBoom(true)}>
      throw test error
    </button>
  );
}
