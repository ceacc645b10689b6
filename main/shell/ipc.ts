import type { IpcMain, WebContents } from 'electron';
import { CHANNELS, EVENT_CHANNEL } from '../api/channels.ts';
import { eventOnTheWire, type KioskEvent } from '../api/contract.ts';
import type { Dispatch } from '../api/handle.ts';
import type { Logger } from '../logging/logger.ts';
import { APP_ORIGIN, callerOrigin } from './policy.ts';

/** The contract over Electron IPC: one handler per channel, all through handle(). */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => dispatch(channel, input, { transport: 'ipc', origin: callerOrigin(event.senderFrame?.url) }));
  }
}

/**
 * The core's events to the kiosk window, as calls are answered: only while it shows our own
 * page (the same origin check as calls), each checked against the contract first. Returns the
 * function that stops forwarding.
 */
export function forwardEvents(
  subscribe: (listener: (event: KioskEvent) => void) => () => void,
  contents: Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'>,
  log: Logger,
): () => void {
  return subscribe((event) => {
    if (contents.isDestroyed() || callerOrigin(contents.getURL()) !== APP_ORIGIN) return;
    const wire = eventOnTheWire(event);
    if (!wire) return log.error('event-refused', { kind: event.kind });
    contents.send(EVENT_CHANNEL, wire);
  });
}
