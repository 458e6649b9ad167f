/**
 * The IPC contract: every channel and event of the app, in one place.
 * Each domain declares its own slice in ./channels; this module is the only registry,
 * so main (handler registration), preload (exposed API) and renderer (typed client) agree by construction.
 */
import type { z } from 'zod';

import { appChannels, appEvents } from './channels/app';
import { bridgeChannels, bridgeEvents } from './channels/bridge';
import { probeChannels, probeEvents } from './channels/probe';
import { supportChannels, supportEvents } from './channels/support';
import { vaultChannels, vaultEvents } from './channels/vault';
import { wizardChannels, wizardEvents } from './channels/wizard';
import { wizardStateChannels, wizardStateEvents } from './channels/wizard-state';
import type { ChannelSpec, EventSpec } from './define';
import type { Result } from './result';

export const contract = {
  ...appChannels,
  ...probeChannels,
  ...vaultChannels,
  ...wizardChannels,
  ...supportChannels,
  ...wizardStateChannels,
  ...bridgeChannels,
} as const;

export const events = {
  ...appEvents,
  ...probeEvents,
  ...vaultEvents,
  ...wizardEvents,
  ...supportEvents,
  ...wizardStateEvents,
  ...bridgeEvents,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type EventName = keyof typeof events & string;

type SpecOf<K extends ChannelName> = Contract[K];
export type ChannelInput<K extends ChannelName> = SpecOf<K> extends ChannelSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInput<K extends ChannelName> = SpecOf<K> extends ChannelSpec<infer I, unknown> ? z.output<I> : never;
export type ChannelOutput<K extends ChannelName> = SpecOf<K> extends ChannelSpec<z.ZodType, infer O> ? O : never;
export type EventPayload<E extends EventName> = (typeof events)[E] extends EventSpec<infer P> ? P : never;

export const channelNames = Object.keys(contract) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

/**
 * The API object the renderer sees as `window.assistant`, in Electron (preload) and in the browser harness alike:
 * one method per channel plus a typed event subscription. There is deliberately no generic `invoke(channel)`.
 */
export type AssistantApi = {
  [K in ChannelName]: ChannelInput<K> extends undefined
    ? () => Promise<Result<ChannelOutput<K>>>
    : (input: ChannelInput<K>) => Promise<Result<ChannelOutput<K>>>;
} & {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
};
