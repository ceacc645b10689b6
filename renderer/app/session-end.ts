import type { Result } from '../../main/shared/errors.ts';

/**
 * "Terminer": the core forgets the visit (`session:end`). If it cannot (a refusal, the bridge
 * gone), the next person could find the last one's session still open in the core: that is not
 * left silent. It is logged by its code only, and `onFailed` says it on the screen for the desk.
 */
export async function endSession(
  end: () => Promise<Result<Record<string, never>>>,
  onFailed: () => void,
  log: (what: string) => void = (what) => console.error(`[kiosk] ${what}`),
): Promise<void> {
  let code: string;
  try {
    const r = await end();
    if (r.ok) return;
    code = r.error.code;
  } catch (error) {
    code = error instanceof Error ? error.name : typeof error;
  }
  log(`the visit could not be ended in the core (${code})`);
  onFailed();
}
