import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import vm from 'node:vm';
import { CHANNELS } from '../../main/api/channels.ts';
import { ROOT } from '../support/browser-mode.ts';
import { packApp, standInElectronDist } from '../support/electron-dist.ts';
import { type BootedShell, bootShell, type KeyInput, type ShellState } from '../support/electron-stand-in/boot.ts';
import { tempDir } from '../support/temp.ts';

/**
 * The Electron shell as a desk runs it, where Electron itself cannot run: the app packed by
 * electron-builder (the archive left unzipped, so that Node can read it), its main script
 * started in Node with a stand-in `electron` module that keeps what the shell asks of
 * Electron and lets the test act as Chromium and the page. A missing module, a wrong path to
 * the migrations, the renderer or the preload, or a dropped line of the lock-down fails here.
 */

let appDir = '';

function packOnce(): string {
  if (appDir) return appDir;
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const { appOutDir, output } = packApp('linux', standInElectronDist('electron', '#!/bin/sh\necho stand-in'), ['-c.asar=false']);
  appDir = path.join(appOutDir, 'resources', 'app');
  assert.ok(existsSync(path.join(appDir, 'package.json')), `electron-builder packed the app:\n${output}`);
  return appDir;
}

/** A desk's environment: its data folder, no registry configured (the embedded demo one). */
function deskEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['KIOSK_REGISTRY_URL', 'KIOSK_ID', 'KIOSK_REGISTRY_SECRET', 'KIOSK_DEV']) delete env[name];
  return { ...env, KIOSK_DATA_DIR: dataDir, KIOSK_LOG_LEVEL: 'info', ...extra };
}

const keyDown = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

/** Quits as the desk would, and says how the process ended and what the core left open. */
async function quitAndInspect(shell: BootedShell, dataDir: string, times = 1): Promise<{ code: number | null; leftOpen: string[] }> {
  for (let i = 0; i < times; i++) shell.quit();
  const code = await shell.exited;
  // SQLite deletes a database's -wal file when its last connection closes, and never when the
  // process simply ends: one left behind is a store the quit did not close.
  const leftOpen = ['kiosk.sqlite', 'demo-registry.sqlite'].filter((f) => existsSync(path.join(dataDir, `${f}-wal`)));
  return { code, leftOpen };
}

describe('the packaged Electron shell, booted in Node (KIOSK_DEV=1 left in the environment)', { timeout: 300_000 }, () => {
  const dataDir = tempDir('shell-boot-');
  let shell: BootedShell;
  let state: ShellState;

  before(async () => {
    const app = packOnce();
    shell = bootShell(app, { packaged: true, env: deskEnv(dataDir, { KIOSK_DEV: '1' }) });
    await shell.shown;
    state = await shell.state();
  });
  // A test that fails before the quit must not leave the kiosk running (and this file with it).
  after(() => shell?.kill());

  it('starts sandboxed, with app:// a secure scheme, and shows one window on app://kiosk/index.html', () => {
    assert.equal(state.sandbox, true, 'app.enableSandbox() before ready');
    assert.deepEqual(state.privilegedSchemes, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
    assert.deepEqual(state.protocols, ['app']);
    assert.equal(state.windows.length, 1);
    assert.equal(state.windows[0]?.visible, true);
    assert.deepEqual(state.windows[0]?.loads, ['app://kiosk/index.html']);
    assert.deepEqual(state.errorBoxes, []);
  });

  it('hardens its window: isolated, sandboxed, no Node in the page, a full-screen kiosk without devtools', () => {
    const options = state.windows[0]?.options;
    const web = options?.webPreferences ?? {};
    assert.equal(web.contextIsolation, true, 'contextIsolation');
    assert.equal(web.sandbox, true, 'sandbox');
    assert.equal(web.nodeIntegration, false, 'nodeIntegration');
    assert.equal(web.nodeIntegrationInWorker, false, 'nodeIntegrationInWorker');
    assert.equal(web.nodeIntegrationInSubFrames, false, 'nodeIntegrationInSubFrames');
    assert.equal(web.webviewTag, false, 'webviewTag');
    assert.equal(web.webSecurity, true, 'webSecurity');
    assert.equal(web.allowRunningInsecureContent, false, 'allowRunningInsecureContent');
    assert.equal(web.navigateOnDragDrop, false, 'navigateOnDragDrop');
    assert.equal(web.devTools, false, 'no devtools in a packaged kiosk, KIOSK_DEV or not');
    assert.equal(options?.kiosk, true, 'kiosk mode');
    assert.equal(options?.fullscreen, true, 'full screen');
  });

  it('loads the preload the package holds, which exposes window.kiosk.invoke for the contract channels only', async () => {
    const preload = String(state.windows[0]?.options.webPreferences?.preload);
    assert.ok(path.isAbsolute(preload) && preload.startsWith(appDir + path.sep), `${preload} is inside the package`);
    assert.ok(existsSync(preload), `${preload} exists`);
    // As Electron runs a sandboxed preload: one script, whose `require` knows only Electron's modules.
    const exposed: Record<string, unknown> = {};
    const crossed: [string, unknown][] = [];
    const pushed = new Map<string, (event: unknown, payload: unknown) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: {
        invoke: async (channel: string, input: unknown) => {
          crossed.push([channel, input]);
          return { ok: true, value: 'from main' };
        },
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) => pushed.set(channel, listener),
        removeListener: (channel: string) => pushed.delete(channel),
      },
    };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name} (a sandboxed preload cannot require it)`);
    };
    vm.runInNewContext(readFileSync(preload, 'utf8'), { require: sandboxRequire, module: { exports: {} }, exports: {}, console, Promise, Set });
    assert.deepEqual(Object.keys(exposed), ['kiosk']);
    const api = exposed.kiosk as { invoke: (channel: string, input: unknown) => Promise<unknown>; subscribe: (l: (e: unknown) => void) => () => void };
    assert.deepEqual(Object.keys(api), ['invoke', 'subscribe']);
    // Events: the page hears the event alone (never Electron's IPC event and its sender), until it stops.
    const heard: unknown[] = [];
    const stop = api.subscribe((e) => heard.push(e));
    pushed.get('kiosk:event')?.({ sender: 'ipc internals' }, { kind: 'mail-confirmed' });
    stop();
    assert.deepEqual(JSON.parse(JSON.stringify(heard)), [{ kind: 'mail-confirmed' }]);
    assert.equal(pushed.size, 0, 'the listener is removed');
    assert.deepEqual(await api.invoke('app:info', {}), { ok: true, value: 'from main' });
    // Made in the preload's own realm: compared by value.
    assert.deepEqual(JSON.parse(JSON.stringify(await api.invoke('shell:open-external', 'https://evil.example/'))), {
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'no such channel' },
    });
    assert.deepEqual(crossed, [['app:info', {}]], 'only the contract channel reached the main process');
  });

  it('serves the built renderer on app://kiosk with its CSP, and no file outside it', async () => {
    const index = await shell.request('app://kiosk/index.html');
    assert.equal(index.status, 200);
    assert.match(index.headers['content-type'] ?? '', /^text\/html/);
    assert.match(index.headers['content-security-policy'] ?? '', /script-src 'self'/);
    assert.equal(index.body, readFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), 'utf8'));
    const script = /<script[^>]+src="([^"]+)"/.exec(index.body)?.[1];
    assert.ok(script, 'index.html loads a script');
    const js = await shell.request(new URL(script, 'app://kiosk/index.html').href);
    assert.equal(js.status, 200, script);
    assert.match(js.headers['content-type'] ?? '', /^text\/javascript/);
    // dist/main/index.mjs and package.json sit next to dist/renderer: one `..` away.
    for (const url of [
      'app://kiosk/..%2fmain%2findex.mjs',
      'app://kiosk/%2e%2e%2fmain%2findex.mjs',
      'app://kiosk/..%2f..%2fpackage.json',
      'app://kiosk/../../package.json',
      'app://kiosk/../../etc/passwd',
      'app://kiosk/%2fetc%2fpasswd',
      'app://kiosk/..%5cmain%5cindex.mjs',
    ]) {
      const answer = await shell.request(url);
      assert.equal(answer.status, 404, url);
      assert.doesNotMatch(answer.body, /createKiosk|"version"|root:/, url);
    }
  });

  it('grants the camera to app://kiosk only (and lets it list audio outputs), in the request and the check handler alike', async () => {
    assert.deepEqual(state.permissionHandlers, { request: true, check: true });
    assert.equal(await shell.permissionRequest('media', 'app://kiosk/index.html', ['video']), true, 'the camera, for the photo');
    assert.equal(await shell.permissionRequest('media', 'app://kiosk/index.html', ['audio']), false, 'the microphone');
    assert.equal(await shell.permissionRequest('media', 'app://kiosk/index.html', ['video', 'audio']), false, 'camera and microphone');
    assert.equal(await shell.permissionRequest('media', 'https://evil.example/', ['video']), false, 'another origin');
    assert.equal(await shell.permissionRequest('media', 'file:///etc/passwd', ['video']), false, 'file://');
    for (const name of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      assert.equal(await shell.permissionRequest(name, 'app://kiosk/index.html'), false, name);
    }
    assert.equal(await shell.permissionCheck('media', 'app://kiosk', 'video'), true, 'checked: the camera');
    // The audio check lists the audio outputs (audio mode finds the headphones); the microphone
    // itself is a request, refused above.
    assert.equal(await shell.permissionCheck('media', 'app://kiosk', 'audio'), true, 'checked: audio outputs');
    assert.equal(await shell.permissionCheck('media', 'https://evil.example', 'audio'), false, 'checked: audio, another origin');
    assert.equal(await shell.permissionCheck('media', 'app://kiosk', 'unknown'), false, 'checked: unknown media');
    assert.equal(await shell.permissionCheck('media', 'https://evil.example', 'video'), false, 'checked: another origin');
    for (const name of ['geolocation', 'notifications', 'clipboard-read', 'background-sync', 'serial']) {
      assert.equal(await shell.permissionCheck(name, 'app://kiosk'), false, `checked: ${name}`);
    }
  });

  it('keeps the window on its own pages: navigation, redirects, new windows and webviews refused', async () => {
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:8080/', 'javascript:alert(1)']) {
      assert.equal(await shell.navigate('will-navigate', url), true, `navigation to ${url} refused`);
      assert.equal(await shell.navigate('will-redirect', url), true, `redirect to ${url} refused`);
    }
    assert.equal(await shell.navigate('will-navigate', 'app://kiosk/index.html#/identify'), false, 'its own pages');
    for (const url of ['https://example.org/', 'app://kiosk/index.html']) assert.equal(await shell.windowOpen(url), 'deny', `window.open(${url})`);
    assert.equal(await shell.attachWebview(), true, 'a <webview> is refused');
  });

  it('blocks the reload, devtools, zoom and close shortcuts', async () => {
    for (const input of [keyDown('F12'), keyDown('I', { control: true, shift: true }), keyDown('r', { control: true }), keyDown('F4', { alt: true })]) {
      assert.equal(await shell.key(input), true, JSON.stringify(input));
    }
    assert.equal(await shell.key(keyDown('a')), false, 'typing is not blocked');
  });

  it('answers every contract channel over IPC, for a frame of app://kiosk only', async () => {
    assert.deepEqual([...state.ipcChannels].sort(), [...CHANNELS].sort());
    const version = (JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { version: string }).version;
    const info = (await shell.ipc('app:info', {}, 'app://kiosk/index.html')) as { ok: boolean; value: { transport: string; demo: boolean; version: string } };
    assert.equal(info.ok, true, JSON.stringify(info));
    assert.deepEqual([info.value.transport, info.value.demo, info.value.version], ['electron', true, version]);
    // The core behind it runs: the demo registry synced into the store the package migrated.
    await shell.logged(/"event":"sync-done"/);
    const found = (await shell.ipc(
      'identity:identify',
      { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } },
      'app://kiosk/',
    )) as {
      ok: boolean;
      value: { kind: string };
    };
    assert.deepEqual([found.ok, found.value.kind], [true, 'found']);
    for (const frame of ['https://evil.example/', 'app://other/index.html', 'file:///tmp/x.html', null]) {
      assert.deepEqual(
        await shell.ipc('app:info', {}, frame),
        { ok: false, error: { code: 'FORBIDDEN', message: 'caller is not a kiosk window' } },
        String(frame),
      );
    }
  });

  it("makes the card with what the package holds (fonts, PDF and QR code libraries): the phone link gives Jean-Pierre's PDF", async () => {
    await shell.logged(/"event":"sync-done"/);
    const call = (channel: string, input: unknown) => shell.ipc(channel, input, 'app://kiosk/index.html') as Promise<{ ok: boolean; value?: { url: string } }>;
    assert.equal((await call('identity:identify', { rmNumber: '401234562RE067', birthDate: { day: '02', month: '03', year: '1975' } })).ok, true);
    assert.equal((await call('accounts:login', { email: 'jean-pierre.muller@example.com', password: 'Menuiserie-Muller-1975' })).ok, true);
    // No card without a photo: the kiosk camera's, as the photo screen sends it.
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
    assert.equal((await call('photo:set', { jpeg })).ok, true);
    const link = await call('card:phone-link', {});
    assert.ok(link.ok && link.value, JSON.stringify(link));
    const pdf = Buffer.from(await (await fetch(link.value.url)).arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const file = path.join(tempDir('shell-boot-card-'), 'card.pdf');
    writeFileSync(file, pdf);
    assert.match(execFileSync('pdffonts', [file]).toString(), /LiberationSans/, 'the card fonts, read from the package, are embedded');
    assert.equal((await call('accounts:logout', {})).ok, true);
  });

  it('reloads the welcome screen when the page crashes, and the core forgets whoever was at it: the artisan, the agent, the card being issued and its photo', async () => {
    const ipc = (channel: string, input: object = {}) =>
      shell.ipc(channel, input, 'app://kiosk/index.html') as Promise<{ ok: boolean; error?: { code: string } }>;
    assert.ok((await ipc('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok);
    assert.ok((await ipc('staff:issue-start', { rmNumber: '401234562RE067', document: 'passeport' })).ok);
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
    assert.ok((await ipc('staff:issue-photo', { jpeg })).ok);
    assert.deepEqual(await shell.rendererGone('crashed'), { url: 'app://kiosk/index.html', outcome: 'loaded' });
    // The reloaded page is the next person's: no agent signed in, no issuance to carry on.
    assert.deepEqual((await ipc('staff:issue', { kind: 'paper' })).error?.code, 'STAFF_REQUIRED');
    assert.deepEqual((await ipc('staff:overview')).error?.code, 'STAFF_REQUIRED');
  });

  it('quits only once the kiosk core is closed (store and demo registry shut), even when asked twice', async () => {
    const { code, leftOpen } = await quitAndInspect(shell, dataDir, 2);
    assert.equal(code, 0, shell.output());
    assert.deepEqual(leftOpen, [], 'no store left open');
    assert.equal(shell.output().match(/"event":"kiosk-closed"/g)?.length, 1, 'closed once');
  });
});

describe('the shell as `npm start` runs it (not packaged)', { timeout: 300_000 }, () => {
  const dataDir = tempDir('shell-boot-dev-');
  let shell: BootedShell;
  let state: ShellState;

  before(async () => {
    shell = bootShell(packOnce(), { packaged: false, env: deskEnv(dataDir) });
    await shell.shown;
    state = await shell.state();
  });
  // A test that fails before the quit must not leave the kiosk running (and this file with it).
  after(() => shell?.kill());

  it('opens a plain window with devtools, the same hardening, and no shortcut blocked', async () => {
    const options = state.windows[0]?.options;
    assert.deepEqual([options?.kiosk, options?.webPreferences?.devTools], [false, true]);
    assert.deepEqual(
      [options?.webPreferences?.sandbox, options?.webPreferences?.contextIsolation, options?.webPreferences?.nodeIntegration],
      [true, true, false],
    );
    assert.equal(await shell.key(keyDown('F12')), false);
    assert.equal(await shell.navigate('will-navigate', 'https://example.org/'), true, 'navigation away is refused here too');
  });

  it('quits only once the kiosk core is closed', async () => {
    const { code, leftOpen } = await quitAndInspect(shell, dataDir);
    assert.equal(code, 0, shell.output());
    assert.deepEqual(leftOpen, []);
  });
});

describe('a shell that cannot start', { timeout: 300_000 }, () => {
  let shell: BootedShell | undefined;
  after(() => shell?.kill());

  it('says why in its log and exits with 1, instead of a blank screen at the desk', async () => {
    // Half a registry configuration: the kiosk refuses to guess (main/config/registry-env.ts).
    shell = bootShell(packOnce(), { packaged: true, env: deskEnv(tempDir('shell-boot-broken-'), { KIOSK_REGISTRY_URL: 'https://registry.example/' }) });
    assert.equal(await shell.exited, 1, shell.output());
    assert.match(shell.output(), /"event":"start-failed".*KIOSK_ID/);
  });
});
