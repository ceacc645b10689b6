import { errorKind, errorWhere, type Logger } from '../logging/logger.ts';
import { fail, type Result } from '../shared/errors.ts';
import { type Channel, contract, isChannel, type OutputOf, type ParsedInputOf } from './contract.ts';

/** Who is calling: the transport says where the call came from; handle() decides. */
export type Caller = { transport: 'ipc' | 'http'; origin: string | null };

export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => Promise<Result<OutputOf<C>>>;
export type Handlers = { [C in Channel]: Handler<C> };

export type Dispatch = (channel: unknown, input: unknown, caller: Caller) => Promise<Result<unknown>>;

/**
 * The one wrapper every call goes through, whatever the transport: it checks the caller,
 * validates the input against the contract, runs the handler, and returns the result
 * envelope. A raw Error never crosses: it is logged and becomes INTERNAL.
 */
export function createDispatcher({ handlers, trustedOrigins, log }: { handlers: Handlers; trustedOrigins: readonly string[]; log: Logger }): Dispatch {
  const trusted = new Set(trustedOrigins);
  return async (channel, input, caller) => {
    if (caller.origin === null || !trusted.has(caller.origin)) {
      log.warn('call-refused', { reason: 'untrusted-caller', transport: caller.transport, origin: caller.origin });
      return fail('FORBIDDEN', 'caller is not a kiosk window');
    }
    if (!isChannel(channel)) {
      log.warn('call-refused', { reason: 'unknown-channel', transport: caller.transport });
      return fail('UNKNOWN_CHANNEL', 'no such channel');
    }
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) {
      // Field paths only: the values may be personal data.
      const paths = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(',');
      log.warn('call-refused', { reason: 'invalid-input', channel, paths });
      return fail('INVALID_INPUT', `input does not match the contract at ${paths}`);
    }
    try {
      // The table guarantees that handlers[channel] takes what contract[channel] parses.
      const handler = handlers[channel] as (input: unknown) => Promise<Result<unknown>>;
      return await handler(parsed.data);
    } catch (error) {
      log.error('handler-failed', { channel, kind: errorKind(error), where: errorWhere(error) });
      return fail('INTERNAL', 'the kiosk hit an unexpected error');
    }
  };
}
