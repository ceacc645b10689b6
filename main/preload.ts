import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from './api/channels.ts';
import type { KioskApi } from './api/kiosk-api.ts';

// The renderer's whole reach into the main process: one `invoke` per contract channel.
// Anything else is answered here, without crossing to the main process.
const allowed = new Set<string>(CHANNELS);

const api = {
  invoke: (channel, input) =>
    allowed.has(channel) ? ipcRenderer.invoke(channel, input) : Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'no such channel' } }),
} satisfies KioskApi;

contextBridge.exposeInMainWorld('kiosk', api);
