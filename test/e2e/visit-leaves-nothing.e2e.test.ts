import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fr } from '../../renderer/i18n/fr.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium } from '../support/chromium.ts';
import { givePhoto, loginAsJeanPierre } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });

/** Every file under `dir`, its path relative to it. */
function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, base) : [path.relative(base, full)];
  });
}

/** What the visit typed and was shown: none of it may outlive it, on screen or in a log. */
const TRACES = [
  'Jean-Pierre',
  'MULLER',
  'jean-pierre.muller',
  '401234562',
  '401 234 562',
  '1975',
  'Menuiserie-Muller-1975',
  'Tanneurs',
  '67000',
  'Strasbourg',
  '98 76 54',
  '698765432',
];

describe('a visit leaves nothing behind: the page, the camera, the logs, the data directory', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const dataDir = tempDir('kiosk-privacy-');
  before(async () => {
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg'));
    const mjpeg = path.join(tempDir('camera-'), 'portrait.mjpeg');
    writeFileSync(mjpeg, Buffer.concat([jpeg, jpeg, jpeg]));
    browser = await launchChromium({ camera: mjpeg });
    // Debug level: the most the log can say, and still nothing of the person.
    kiosk = await startBrowserMode(dataDir, { KIOSK_LOG_LEVEL: 'debug' });
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('Jean-Pierre gives his address and mobile, gets his card by e-mail and on his phone, opens the camera and touches "Terminer": nothing of him stays', async () => {
    const p = await kioskPage(browser, undefined, { camera: true });
    // Each camera stream the page opens, to see whether it is still live after the visit.
    await p.addInitScript(() => {
      const streams: MediaStream[] = [];
      (window as unknown as { kioskStreams: MediaStream[] }).kioskStreams = streams;
      const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const s = await open(constraints);
        streams.push(s);
        return s;
      };
    });
    await loginAsJeanPierre(p, kiosk);
    await field(p, fr['space.mobile']).fill('06 98 76 54 32');
    await field(p, fr['space.line1']).fill('12 rue des Tanneurs');
    await field(p, fr['space.postalCode']).fill('67000');
    await field(p, fr['space.city']).fill('Strasbourg');
    await button(p, fr['space.save']).click();
    await p.getByText(fr['space.saved']).waitFor();

    await givePhoto(p);
    await button(p, fr['space.myCard']).click();
    await p.getByRole('img', { name: 'Photo de Jean-Pierre MULLER' }).waitFor();
    await button(p, fr['card.byEmail']).click();
    await p.getByText(fr['card.emailSent']).waitFor();
    await button(p, fr['card.byPhone']).click();
    await p.getByRole('img', { name: fr['card.phoneQr'] }).waitFor();
    await button(p, fr['help.back']).click();
    await button(p, fr['space.myPhoto']).click();
    await p.waitForFunction(() => ((document.querySelector('video') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0);

    // He leaves with the camera on.
    await button(p, fr['app.finishLabel']).click();
    await p.getByRole('heading', { level: 1, name: fr['welcome.heading'] }).waitFor();

    const page = await p.evaluate(async () => {
      const streams = (window as unknown as { kioskStreams: MediaStream[] }).kioskStreams;
      return {
        text: `${document.body.innerText}\n${[...document.querySelectorAll('input')].map((i) => i.value).join('\n')}`,
        streams: streams.length,
        live: streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length,
        // A picture of the visit is a data: or blob: URL (the welcome's card specimen is a file of the app).
        images: [...document.querySelectorAll('img')].map((i) => i.src).filter((src) => /^(data|blob):/.test(src)),
        videos: document.querySelectorAll('video').length,
        session: Object.keys(sessionStorage),
        local: localStorage.length,
        databases: (await indexedDB.databases()).length,
        caches: (await caches.keys()).length,
      };
    });
    assert.ok(page.streams >= 1, 'the camera was opened');
    assert.equal(page.live, 0, 'the camera is still filming after the visit');
    assert.deepEqual([page.images, page.videos], [[], 0], 'no picture left in the page');
    assert.deepEqual([page.session, page.local, page.databases, page.caches], [['kiosk-token'], 0, 0, 0], 'only the kiosk’s token is kept by the browser');
    for (const trace of TRACES) assert.ok(!page.text.includes(trace), `"${trace}" still on screen`);

    // The main process forgot him: none of his channels answers.
    const answers = await p.evaluate(async () => {
      const token = sessionStorage.getItem('kiosk-token');
      const codes: string[] = [];
      for (const channel of ['profile:get', 'card:view', 'accounts:status']) {
        const r = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: '{}',
        });
        codes.push(((await r.json()) as { error?: { code: string } }).error?.code ?? 'answered');
      }
      return codes;
    });
    assert.deepEqual(answers, ['SESSION_REQUIRED', 'SESSION_REQUIRED', 'SESSION_REQUIRED']);
    await p.close();

    // The logs, on disk and on stderr: outcomes and ids, never who.
    const logs = `${readFileSync(path.join(dataDir, 'logs', 'kiosk.log'), 'utf8')}\n${kiosk.stderr()}`;
    assert.match(logs, /"event":"photo-taken"/);
    assert.match(logs, /"event":"card-issued"/);
    for (const trace of [...TRACES, '/9j/']) assert.ok(!logs.includes(trace), `the logs mention "${trace}"`);

    // The data directory: the stores, the logs and the card's public key, nothing else (no PDF, no photo).
    const files = filesUnder(dataDir).filter((f) => !/^(kiosk|demo-registry)\.sqlite(-wal|-shm|-journal)?$/.test(f) && !f.startsWith('logs'));
    for (const f of files) {
      const text = readFileSync(path.join(dataDir, f), 'latin1');
      assert.ok(!text.includes('%PDF') && !text.includes('JFIF'), `${f} holds a PDF or a photo`);
      for (const trace of TRACES) assert.ok(!text.includes(trace), `${f} mentions "${trace}"`);
    }
  });
});
