// A stand-in for the `electron` module, for running the built main bundle in plain Node
// (Electron's binary cannot be downloaded here). It keeps what the shell registers, refuses
// what Electron refuses (a window or a session before 'ready', privileged schemes after it,
// a second handler on one IPC channel), and lets the test drive it over the child-process
// channel: each message { id, op, ...args } is answered { id, ok, value | error }.
// Quitting ends the process as Electron does: at once, unless a 'will-quit' listener
// prevents it, and app.exit() ends it without asking anyone.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';

class StandInEvent {
  defaultPrevented = false;
  preventDefault() {
    this.defaultPrevented = true;
  }
}

let ready = false;
const record = { sandbox: false, privilegedSchemes: [], windows: [], errorBoxes: [], quits: 0 };
const protocolHandlers = new Map();
const ipcHandlers = new Map();
const permission = { request: null, check: null };

function mustBeReady(what) {
  if (!ready) throw new Error(`${what} cannot be used before the app is ready`);
}

/** What Electron's net stack gets for a URL of a custom scheme: the registered handler's answer. */
async function fetchThroughProtocol(url) {
  const handler = protocolHandlers.get(new URL(url).protocol.slice(0, -1));
  if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME: ${url}`);
  const response = await handler(new Request(url));
  return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()).toString('utf8') };
}

class StandInApp extends EventEmitter {
  isPackaged = process.env.ELECTRON_STAND_IN_PACKAGED === '1';
  #ready = new Promise((resolve) => this.once('ready', resolve));

  enableSandbox() {
    if (ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    record.sandbox = true;
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return this.#ready;
  }
  isReady() {
    return ready;
  }
  /** Electron's: the version in the app's package.json, found from the entry script. */
  getVersion() {
    let dir = path.dirname(path.resolve(process.argv[1] ?? '.'));
    for (;;) {
      try {
        return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
      } catch {
        if (path.dirname(dir) === dir) return '0.0.0';
        dir = path.dirname(dir);
      }
    }
  }
  quit() {
    record.quits++;
    const beforeQuit = new StandInEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    const willQuit = new StandInEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.emit('quit', new StandInEvent(), 0);
    process.exit(0);
  }
  exit(code = 0) {
    process.exit(code);
  }
}

export const app = new StandInApp();

class StandInWebContents extends EventEmitter {
  windowOpenHandler = null;
  loads = [];
  /** What the main process pushed to the page (events), in order. */
  sent = [];
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.loads.at(-1)?.url ?? '';
  }
  isDestroyed() {
    return false;
  }
  send(channel, ...args) {
    this.sent.push({ channel, args });
  }
}

export class BrowserWindow extends EventEmitter {
  #shown = false;
  constructor(options = {}) {
    super();
    if (!ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = options;
    this.webContents = new StandInWebContents();
    record.windows.push(this);
    app.emit('web-contents-created', new StandInEvent(), this.webContents);
  }
  async loadURL(url) {
    const load = fetchThroughProtocol(url).then((r) => {
      if (r.status !== 200) throw new Error(`ERR_FAILED (-2) loading '${url}': ${r.status}`);
      if (!this.#shown) this.emit('ready-to-show');
    });
    this.webContents.loads.push({
      url,
      done: load.then(
        () => 'loaded',
        (e) => String(e),
      ),
    });
    await load;
  }
  show() {
    this.#shown = true;
    process.send?.({ event: 'shown' });
  }
  isVisible() {
    return this.#shown;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    record.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    mustBeReady('protocol.handle');
    protocolHandlers.set(scheme, handler);
  },
};

const defaultSession = {
  setPermissionRequestHandler(handler) {
    permission.request = handler;
  },
  setPermissionCheckHandler(handler) {
    permission.check = handler;
  },
};

export const session = {
  get defaultSession() {
    mustBeReady('session.defaultSession');
    return defaultSession;
  },
};

export const ipcMain = {
  handle(channel, handler) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
  },
};

export const dialog = {
  showErrorBox(title, content) {
    record.errorBoxes.push({ title, content });
  },
};

export default { app, BrowserWindow, protocol, session, ipcMain, dialog };

function theWindow() {
  const window = record.windows[0];
  if (!window) throw new Error('no window was created');
  return window;
}

/** Fires one webContents event the way Chromium would; says whether the shell prevented it. */
function fire(name, ...args) {
  const event = new StandInEvent();
  theWindow().webContents.emit(name, event, ...args);
  return event.defaultPrevented;
}

const ops = {
  state: () => ({
    packaged: app.isPackaged,
    sandbox: record.sandbox,
    privilegedSchemes: record.privilegedSchemes,
    windows: record.windows.map((w) => ({
      options: w.options,
      visible: w.isVisible(),
      loads: w.webContents.loads.map((l) => l.url),
      sent: w.webContents.sent.map((s) => ({ channel: s.channel, kind: s.args[0]?.kind ?? null })),
    })),
    protocols: [...protocolHandlers.keys()],
    ipcChannels: [...ipcHandlers.keys()],
    permissionHandlers: { request: permission.request !== null, check: permission.check !== null },
    errorBoxes: record.errorBoxes,
    appListeners: app.eventNames(),
  }),
  request: ({ url }) => fetchThroughProtocol(url),
  permissionRequest: ({ name, requestingUrl, mediaTypes }) =>
    new Promise((resolve) => {
      if (!permission.request) throw new Error('no permission request handler');
      const details = { requestingUrl, isMainFrame: true, ...(mediaTypes ? { mediaTypes, securityOrigin: requestingUrl } : {}) };
      permission.request(theWindow().webContents, name, resolve, details);
    }),
  permissionCheck: ({ name, requestingOrigin, mediaType }) => {
    if (!permission.check) throw new Error('no permission check handler');
    return permission.check(theWindow().webContents, name, requestingOrigin, { requestingUrl: `${requestingOrigin}/`, isMainFrame: true, mediaType });
  },
  navigate: ({ event, url }) => fire(event, url, false, true),
  windowOpen: ({ url }) => {
    const handler = theWindow().webContents.windowOpenHandler;
    return handler ? handler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } }).action : 'allow';
  },
  attachWebview: () => fire('will-attach-webview', {}, { src: 'https://example.org/' }),
  key: ({ input }) => fire('before-input-event', input),
  ipc: ({ channel, input, frameUrl }) => {
    const handler = ipcHandlers.get(channel);
    if (!handler) throw new Error(`no IPC handler for ${channel}`);
    const senderFrame = frameUrl === null ? null : { url: frameUrl };
    return handler({ senderFrame, sender: theWindow().webContents, processId: 1, frameId: 1 }, input);
  },
  rendererGone: async ({ reason }) => {
    const window = theWindow();
    const before = window.webContents.loads.length;
    window.webContents.emit('render-process-gone', new StandInEvent(), { reason, exitCode: 1 });
    const reload = window.webContents.loads[before];
    return reload ? { url: reload.url, outcome: await reload.done } : null;
  },
  // Not answered: Electron's quit may end the process before any answer could leave.
  quit: () => app.quit(),
};

process.on('message', async ({ id, op, ...args }) => {
  if (op === 'quit') return ops.quit();
  try {
    process.send?.({ id, ok: true, value: await ops[op](args) });
  } catch (error) {
    process.send?.({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
// The test is gone: so is the app it was driving.
process.on('disconnect', () => process.exit(1));
// Electron emits 'ready' once the main script has run its first turn.
setImmediate(() => {
  ready = true;
  app.emit('ready', new StandInEvent(), {});
});
