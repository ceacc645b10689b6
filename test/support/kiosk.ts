import { createKiosk, type Kiosk, type KioskOptions } from '../../main/kiosk.ts';

/**
 * A kiosk once its first sync, which runs in the background, is over: a test that identifies
 * someone wants the whole list, as a desk has it after its first minutes. (createKiosk itself
 * serves at once; test/integration/kiosk-start.test.ts is about that.)
 */
export async function readyKiosk(options: KioskOptions): Promise<Kiosk> {
  const kiosk = await createKiosk(options);
  await kiosk.sync.syncNow().catch(() => undefined);
  return kiosk;
}
