import type { Result } from '../shared/errors.ts';
import type { Channel, InputOf, KioskEvent, OutputOf } from './contract.ts';

/**
 * What the renderer holds as `window.kiosk`: one typed call per channel of the contract.
 * The preload implements it over Electron IPC; browser mode over the loopback bridge.
 */
export type KioskApi = {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  /** Hears the events the main process pushes (the contract's `events`); returns the function that stops hearing them. */
  subscribe(listener: (event: KioskEvent) => void): () => void;
};

declare global {
  interface Window {
    /** Set by the preload in Electron; absent in browser mode, where the bridge client is used. */
    kiosk?: KioskApi;
  }
}
