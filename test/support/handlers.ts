import { CHANNELS } from '../../main/api/channels.ts';
import type { Handlers } from '../../main/api/handle.ts';
import { fail } from '../../main/shared/errors.ts';

/**
 * A handler table for tests of the transports and of handle(): the given handlers, and for
 * every other channel one that answers INTERNAL, so a test that reaches it by mistake fails.
 */
export function handlersWith(some: Partial<Handlers>): Handlers {
  const table = Object.fromEntries(CHANNELS.map((c) => [c, async () => fail('INTERNAL', `test handler for ${c} not provided`)])) as unknown as Handlers;
  return { ...table, ...some };
}
