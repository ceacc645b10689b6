import type { IpcMain } from 'electron';
import { CHANNELS } from '../api/channels.ts';
import type { Dispatch } from '../api/handle.ts';
import { callerOrigin } from './policy.ts';

/** The contract over Electron IPC: one handler per channel, all through handle(). */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => dispatch(channel, input, { transport: 'ipc', origin: callerOrigin(event.senderFrame?.url) }));
  }
}
