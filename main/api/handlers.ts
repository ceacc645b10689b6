import assert from 'node:assert';
import type { IdentityService } from '../identity/identify.ts';
import type { AppInfo } from './contract.ts';
import { DATE_ERROR, type FieldProblem, failFields, ok, RM_ERROR } from './errors.ts';
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
      const { rmNumber, birthDate } = result.refused;
      const problems: FieldProblem[] = [];
      if (rmNumber) problems.push({ field: 'rmNumber', code: RM_ERROR[rmNumber] });
      if (birthDate) problems.push({ field: 'birthDate', code: DATE_ERROR[birthDate] });
      const [first, ...rest] = problems;
      assert(first, 'a refusal names at least one field');
      return failFields([first, ...rest], `refused: ${problems.map((p) => p.code).join(',')}`);
    },
  };
}
