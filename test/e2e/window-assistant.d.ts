// Page-side type of the bridge, for `page.evaluate(() => window.assistant…)` in specs.
import type { AssistantApi } from '../../main/shared/ipc/contract';

declare global {
  interface Window {
    assistant?: AssistantApi;
  }
}
