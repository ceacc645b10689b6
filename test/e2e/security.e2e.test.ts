import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { fr } from '../../renderer/i18n/fr.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium } from '../support/chromium.ts';
import { tempDir } from '../support/temp.ts';

describe('the page is locked down in browser mode too', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  before(async () => {
    kiosk = await startBrowserMode(tempDir('kiosk-security-'));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('an ordinary page load leaves no refusal in the log (a refusal there reads as an attack to IT)', async () => {
    const before = kiosk.stderr().length;
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await p.getByRole('button', { name: fr['welcome.start'] }).click();
    await p.getByRole('textbox', { name: fr['identify.rmLabel'] }).waitFor();
    await p.reload();
    await p.getByRole('button', { name: fr['welcome.start'] }).waitFor();
    await p.waitForLoadState('networkidle');
    await p.close();
    const refused = kiosk
      .stderr()
      .slice(before)
      .split('\n')
      .filter((l) => l.includes('bridge-refused'));
    assert.deepEqual(refused, [], 'no refusal logged');
  });

  it('an inline script is blocked by the Content Security Policy', async () => {
    const p = await kioskPage(browser);
    const violations: string[] = [];
    p.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) violations.push(m.text());
    });
    await p.goto(kiosk.url);
    await p.getByRole('button', { name: fr['welcome.start'] }).waitFor();
    // What an injected <script> (say, from a malicious registry string) would try.
    await p.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = true';
      document.body.append(s);
    });
    await p.waitForTimeout(200);
    assert.equal(await p.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? false), false);
    assert.ok(violations.length > 0, 'the browser reported the refusal');
  });

  it('another site in the same browser cannot call the kiosk', async () => {
    const p = await kioskPage(browser);
    await p.goto('data:text/html,<h1>elsewhere</h1>');
    const port = new URL(kiosk.url).port;
    const answer = await p.evaluate(async (port) => {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/app%3Ainfo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        return r.status;
      } catch {
        return 'blocked';
      }
    }, port);
    assert.ok(answer === 'blocked' || answer === 403 || answer === 401, `answer: ${answer}`);
  });
});
