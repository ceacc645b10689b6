import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { CHANNELS, EVENT_CHANNEL } from './api/channels.ts';
import type { KioskApi } from './api/kiosk-api.ts';

// The renderer's whole reach into the main process: one `invoke` per contract channel.
// Anything else is answered here, without crossing to the main process.
const allowed = new Set<string>(CHANNELS);

const api = {
  invoke: (channel, input) =>
    allowed.has(channel) ? ipcRenderer.invoke(channel, input) : Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'no such channel' } }),
  // Events pushed by the main process (checked against the contract before they left it). The
  // page gets the event alone, never Electron's IPC event object and its sender.
  subscribe: (listener) => {
    const forward = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
} satisfies KioskApi;

contextBridge.exposeInMainWorld('kiosk', api);
