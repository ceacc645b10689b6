import type { KioskError, Result } from '../../main/shared/errors.ts';
import type { CallAction } from './machine.ts';

/** A call to the kiosk whose answer `then` puts on the screen; a refusal is shown by the caller's `refuse`. */
export type Call = <T>(result: Promise<Result<T>>, then: (value: T) => void) => Promise<void>;

const INTERNAL: KioskError = { code: 'INTERNAL', message: 'the call was rejected' };

/**
 * The one way screens call the kiosk: the wait begins ("submit": buttons wait) and always ends.
 * A refusal ends it with its sentence; an answer ends it through `then`'s own transition. A call
 * that rejects (the bridge gone) or a `then` that throws (a bug drawing the answer) must not leave
 * the buttons waiting for ever: both are answered as a technical problem, what was typed stays,
 * and the bug is logged by its kind only (never the answer, which holds personal data).
 *
 * `era` moves when the person at the screen changes (the visit ends, the console locks): an
 * answer to a call made before is dropped, refusal included. It was the person who left's; the
 * next one, at the welcome or the PIN screen, must not be shown it.
 */
export function makeCall(
  dispatch: (action: CallAction) => void,
  refuse: (error: KioskError) => void,
  { log = logError, era = () => 0 }: { log?: (what: string) => void; era?: () => number } = {},
): Call {
  return async <T>(result: Promise<Result<T>>, then: (value: T) => void) => {
    const mine = era();
    dispatch({ type: 'submit' });
    let r: Result<T>;
    try {
      r = await result;
    } catch (error) {
      log(`a call to the kiosk was rejected (${kindOf(error)})`);
      if (era() === mine) refuse(INTERNAL);
      return;
    }
    if (era() !== mine) return;
    if (!r.ok) {
      refuse(r.error);
      return;
    }
    try {
      then(r.value);
    } catch (error) {
      log(`an answer of the kiosk could not be shown (${kindOf(error)})`);
      refuse(INTERNAL);
    }
  };
}

function kindOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function logError(what: string): void {
  console.error(`[kiosk] ${what}`);
}
