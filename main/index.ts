import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { defaultDataDir } from './config/paths.ts';
import { printersFromEnv } from './config/printer-env.ts';
import { registryFromEnv } from './config/registry-env.ts';
import { createKiosk, type Kiosk } from './kiosk.ts';
import { fileSink, teeSink } from './logging/file-sink.ts';
import { createLogger } from './logging/logger.ts';
import { KEYCHAIN_ADVICE, KeychainUnavailable } from './secrets/secret-store.ts';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './shell/app-protocol.ts';
import { forwardEvents, registerIpc } from './shell/ipc.ts';
import { APP_ORIGIN, isAllowedNavigation, isBlockedShortcut, isPermissionAllowed, isPermissionCheckAllowed } from './shell/policy.ts';
import { closeBeforeQuit } from './shell/quit.ts';
import { kioskWindowOptions } from './shell/window-options.ts';

// The Electron shell: lifecycle, the hardened window, app://, IPC. Everything else is the
// kiosk core (createKiosk), which runs the same in plain Node.
const log = createLogger('electron', { sink: teeSink((l) => process.stderr.write(`${l}\n`), fileSink(path.join(defaultDataDir(), 'logs'))) });
// Packaged, the kiosk is locked down whatever the environment says: no variable left on a
// desk's machine can bring devtools or the shortcuts back.
const production = app.isPackaged;
let kiosk: Kiosk | undefined;
// Set as soon as the core starts opening, so that a quit during the first sync still closes it.
let opening: Promise<Kiosk> | undefined;
const closeKiosk = async () => {
  // A core that failed to open has nothing to close; its failure is logged by start's catch (start-failed).
  const opened = await opening?.catch(() => undefined);
  await opened?.close();
};
let window: BrowserWindow | undefined;

protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second kiosk on the same data would fight over the store and the printers.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAllowedNavigation(url)) {
        e.preventDefault();
        log.warn('navigation-blocked');
      }
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAllowedNavigation(url)) e.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (e) => e.preventDefault());
    if (production) {
      contents.on('before-input-event', (e, input) => {
        if (isBlockedShortcut(input)) e.preventDefault();
      });
    }
  });
  app
    .whenReady()
    .then(start)
    .catch(async (error: unknown) => {
      log.error('start-failed', { error: String(error) });
      // The one case staff can fix themselves: say it in their words before quitting.
      if (error instanceof KeychainUnavailable) dialog.showErrorBox('CMA Carte professionnelle', KEYCHAIN_ADVICE[error.problem]);
      // app.exit() skips 'will-quit': a core that did open (the window failed) is closed here.
      await closeKiosk();
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
  closeBeforeQuit(app, closeKiosk, log);
}

async function start(): Promise<void> {
  const registry = registryFromEnv();
  // Read once, then out of the environment: child processes (lp, SumatraPDF) do not inherit it.
  delete process.env.KIOSK_REGISTRY_SECRET;
  opening = createKiosk({
    dataDir: defaultDataDir(),
    log,
    version: app.getVersion(),
    printers: printersFromEnv(),
    onStop: () => app.quit(),
    ...(registry ? { registry } : {}),
  });
  kiosk = await opening;
  registerAppProtocol(protocol, fileURLToPath(new URL('../renderer/', import.meta.url)));
  registerIpc(ipcMain, kiosk.dispatcher('electron', [APP_ORIGIN]));

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionAllowed(permission, details.requestingUrl, mediaTypes));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) => isPermissionCheckAllowed(permission, requestingOrigin, details.mediaType));

  window = new BrowserWindow(kioskWindowOptions({ preload: fileURLToPath(new URL('./preload.cjs', import.meta.url)), production }));
  window.once('ready-to-show', () => window?.show());
  // The core's events (sync, orders, printers, activation confirmed) are pushed to the window: no screen polls.
  window.once('closed', forwardEvents(kiosk.events.subscribe, window.webContents, log.child('ipc')));
  // A crashed or hung page must not leave a frozen screen (or the last visitor's data) at the
  // desk: it reloads to the welcome screen, and the visit in the main process ends (the artisan's
  // session, the agent signed in, a card being issued and its photo).
  const restart = (reason: string) => {
    log.error('renderer-restarted', { reason });
    kiosk?.endVisit();
    void window?.loadURL(`${APP_ORIGIN}/index.html`);
  };
  window.webContents.on('render-process-gone', (_e, details) => restart(details.reason));
  // A page load (a reload, Ctrl+R, a navigation) shows the welcome screen: the visit behind it
  // ends too, or the artisan stays logged in for whoever touches the screen next. The renderer
  // also asks for this at boot (app.tsx); this one holds even if the page never boots.
  window.webContents.on('did-navigate', () => kiosk?.endVisit());
  window.on('unresponsive', () => restart('unresponsive'));
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}
