import type { z } from 'zod';

/** One request/response channel: the zod schema validates input at the boundary, `O` types the value. */
export interface ChannelSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom field: carries the output type only, never set at runtime. */
  readonly __output?: O;
}

/** `channel(schema).returns<Output>()` — curried so the input type is inferred and the output named. */
export function channel<I extends z.ZodType>(input: I) {
  return { returns: <O>(): ChannelSpec<I, O> => ({ input }) };
}

/** One main → renderer event; the type parameter is its payload. */
export interface EventSpec<P> {
  readonly __payload?: P;
}
export const event = <P>(): EventSpec<P> => ({});
