// Page-side type of the bridge, for `page.evaluate(() => window.assistant…)` in specs.
import type { AssistantApi } from '@shared/ipc/contract';

declare global {
  interface Window {
    assistant?: AssistantApi;
  }
}
