import type { Logger } from '../logging/logger.ts';
import { accountStatusSchema } from '../registry/accounts-wire.ts';
import { answerWithin } from '../registry/answer-within.ts';
import { type RegistryClient, RegistryError } from '../registry/client.ts';
import type { AccountStatus } from '../shared/artisan.ts';
import type { AccountAnswer } from './card-mail-check.ts';

/**
 * An account's status asked of the registry now, the one place that asks: for a card going by
 * e-mail (the address as the registry holds it) and at identification (is the account active
 * since the replica last heard?). A registry that does not answer is an answer here, never a
 * failure: the kiosk goes on with what it knows. A bug (not a RegistryError) still throws.
 */
export function createAccountNow({ client, log }: { client: RegistryClient; log: Logger }) {
  const now = async (rmNumber: string): Promise<AccountAnswer> => {
    try {
      return { kind: 'answer', status: await client.accounts('GET', `${rmNumber}/status`, accountStatusSchema) };
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      log.info('account-unanswered', { kind: error.kind });
      return { kind: error.kind === 'malformed' ? 'malformed' : 'unreachable' };
    }
  };
  return {
    now,
    /** A person waits at the keypad: the status if the registry gives it within `ms`, else null (the replica's word stands). */
    async within(rmNumber: string, ms: number): Promise<AccountStatus | null> {
      const answer = await answerWithin(now(rmNumber), ms);
      return !answer.late && answer.value.kind === 'answer' ? answer.value.status.status : null;
    },
  };
}
