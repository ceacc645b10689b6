import type { BrowserWindowConstructorOptions } from 'electron';

export type WindowOptionsInput = {
  /** Absolute path of the bundled preload script. */
  preload: string;
  /** A packaged kiosk: full-screen kiosk mode, no devtools. */
  production: boolean;
};

/**
 * The kiosk window. Built by a pure function so that its hardening is unit-tested without
 * Electron: the renderer gets no Node, runs sandboxed and isolated, sees only the preload's
 * `window.kiosk`, and in production fills the screen with no way out to the desktop.
 */
export function kioskWindowOptions({ preload, production }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1080,
    height: 1920,
    kiosk: production,
    fullscreen: production,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    show: false,
    title: 'Carte professionnelle — CMA',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !production,
    },
  };
}
