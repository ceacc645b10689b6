import type { IdentityService } from '../identity/identify.ts';
import type { AppInfo } from './contract.ts';
import { DATE_ERROR, fail, ok, RM_ERROR } from './errors.ts';
import type { Handlers } from './handle.ts';

export type HandlerDeps = {
  identity: IdentityService;
  info: Omit<AppInfo, 'transport'>;
  transport: AppInfo['transport'];
};

/** The handler table: one function per channel, each taking one parsed input object. */
export function createHandlers({ identity, info, transport }: HandlerDeps): Handlers {
  return {
    'app:info': async () => ok({ ...info, transport }),
    'identity:identify': async (input) => {
      const result = await identity.identify(input);
      if (result.ok) return ok(result.value);
      return result.field === 'rmNumber'
        ? fail(RM_ERROR[result.reason], `rm number refused: ${result.reason}`, 'rmNumber')
        : fail(DATE_ERROR[result.reason], `date of birth refused: ${result.reason}`, 'birthDate');
    },
  };
}
