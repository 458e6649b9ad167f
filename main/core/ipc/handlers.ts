import type { ChannelName, ChannelOutput, EventName, EventPayload, ParsedInput } from '@shared/ipc/contract';

/** What a handler may do besides returning: push typed events to the renderer that asked. */
export interface HandlerContext {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

export type Handler<K extends ChannelName> = (
  input: ParsedInput<K>,
  ctx: HandlerContext,
) => Promise<ChannelOutput<K>> | ChannelOutput<K>;

/** A complete handler table; domain factories return slices of it (`Partial`), the composition root checks completeness. */
export type Handlers = { [K in ChannelName]: Handler<K> };
export type HandlerSlice<K extends ChannelName> = { [P in K]: Handler<P> };
