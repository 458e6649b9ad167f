import type { HandlerSlice } from '../ipc/handlers';
import { discover, type DiscoverOptions } from './discover';

/** Provider discovery for the connection form: MX and autodiscover of the address's domain. */
export function createDiscoveryHandlers(options?: Omit<DiscoverOptions, 'signal'>): HandlerSlice<'discoverProvider'> {
  return { discoverProvider: ({ email }) => discover(email, options) };
}
