import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveRendererFile } from '../../../main/renderer-files.ts';
import { callerOrigin, isAllowedNavigation, isBlockedShortcut, isPermissionAllowed, isPermissionCheckAllowed } from '../../../main/shell/policy.ts';
import { kioskWindowOptions } from '../../../main/shell/window-options.ts';

describe('Electron shell, its pure parts', () => {
  it('hardens the window: isolated, sandboxed, no Node in the page', () => {
    const o = kioskWindowOptions({ preload: '/app/preload.cjs', production: true });
    assert.equal(o.webPreferences?.contextIsolation, true);
    assert.equal(o.webPreferences?.sandbox, true);
    assert.equal(o.webPreferences?.nodeIntegration, false);
    assert.equal(o.webPreferences?.webviewTag, false);
    assert.equal(o.webPreferences?.preload, '/app/preload.cjs');
  });
  it('is a full-screen kiosk without devtools in production only', () => {
    const prod = kioskWindowOptions({ preload: 'p', production: true });
    const dev = kioskWindowOptions({ preload: 'p', production: false });
    assert.deepEqual([prod.kiosk, prod.webPreferences?.devTools], [true, false]);
    assert.deepEqual([dev.kiosk, dev.webPreferences?.devTools], [false, true]);
  });
  it('lets the window show only the app:// pages', () => {
    assert.ok(isAllowedNavigation('app://kiosk/index.html'));
    for (const url of ['https://example.org', 'file:///etc/passwd', 'app://other/', 'http://127.0.0.1:3000/', 'javascript:alert(1)', 'not a url']) {
      assert.ok(!isAllowedNavigation(url), url);
    }
  });
  it('grants the camera to the app origin only, and nothing else', () => {
    assert.ok(isPermissionAllowed('media', 'app://kiosk/index.html', ['video']));
    assert.ok(!isPermissionAllowed('media', 'app://kiosk/index.html', ['audio']));
    assert.ok(!isPermissionAllowed('media', 'app://kiosk/index.html', ['video', 'audio']));
    assert.ok(!isPermissionAllowed('media', 'https://evil.example/', ['video']));
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal']) assert.ok(!isPermissionAllowed(p, 'app://kiosk/', ['video']), p);
  });
  it('answers permission checks for the camera and the audio outputs (headphones), for the app origin only', () => {
    assert.ok(isPermissionCheckAllowed('media', 'app://kiosk', 'video'));
    assert.ok(isPermissionCheckAllowed('media', 'app://kiosk', 'audio'), 'audio mode lists the outputs to find headphones');
    assert.ok(!isPermissionCheckAllowed('media', 'https://evil.example', 'audio'));
    // The check lists devices; the microphone itself is a request, still refused.
    assert.ok(!isPermissionAllowed('media', 'app://kiosk/', ['audio']));
    assert.ok(!isPermissionAllowed('media', 'app://kiosk/', ['video', 'audio']));
    assert.ok(!isPermissionCheckAllowed('media', 'app://kiosk', 'unknown'));
    assert.ok(!isPermissionCheckAllowed('media', 'app://kiosk', undefined));
    assert.ok(!isPermissionCheckAllowed('media', 'https://evil.example', 'video'));
    assert.ok(!isPermissionCheckAllowed('geolocation', 'app://kiosk', 'video'));
  });
  it('reads the caller origin of an IPC frame', () => {
    assert.equal(callerOrigin('app://kiosk/index.html#x'), 'app://kiosk');
    assert.equal(callerOrigin('https://a.example/p'), 'https://a.example');
    assert.equal(callerOrigin(undefined), null);
  });
  it('blocks reload, devtools, zoom and close shortcuts', () => {
    const key = (k: string, mods: Partial<{ control: boolean; shift: boolean; alt: boolean }> = {}) => ({
      type: 'keyDown',
      key: k,
      control: false,
      meta: false,
      alt: false,
      shift: false,
      ...mods,
    });
    for (const k of [
      key('F5'),
      key('r', { control: true }),
      key('I', { control: true, shift: true }),
      key('F4', { alt: true }),
      key('+', { control: true }),
      key('w', { control: true }),
    ]) {
      assert.ok(isBlockedShortcut(k), JSON.stringify(k));
    }
    for (const k of [key('a'), key('Tab'), key('Enter'), key('7'), key('Backspace')]) assert.ok(!isBlockedShortcut(k), k.key);
  });
  it('app:// serves files under the renderer folder only', () => {
    assert.equal(resolveRendererFile('/app/r', '/'), '/app/r/index.html');
    assert.equal(resolveRendererFile('/app/r', '/assets/x.js?v=1'), '/app/r/assets/x.js');
    for (const p of ['/../main.js', '/%2e%2e/x', '/..%2f..%2fetc/passwd', '/a/%00', '/%E0%A4%A', '/..\\x'])
      assert.equal(resolveRendererFile('/app/r', p), null, p);
  });
});
