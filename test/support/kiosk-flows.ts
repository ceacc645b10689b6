import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { fr } from '../../renderer/i18n/fr.ts';
import { bridgeClient, ROOT, type RunningKiosk } from './browser-mode.ts';

/** From the welcome screen to the answer of identification, typing as a person would. */
export async function identifyAs(
  p: Page,
  kiosk: Pick<RunningKiosk, 'url'>,
  rmNumber: string,
  [day, month, year]: readonly [string, string, string],
): Promise<void> {
  await p.goto(kiosk.url);
  await p.getByRole('button', { name: fr['welcome.start'], exact: true }).click();
  await p.getByRole('textbox', { name: fr['identify.rmLabel'], exact: true }).fill(rmNumber);
  await p.getByRole('textbox', { name: fr['identify.day'], exact: true }).fill(day);
  await p.getByRole('textbox', { name: fr['identify.month'], exact: true }).fill(month);
  await p.getByRole('textbox', { name: fr['identify.year'], exact: true }).fill(year);
  await p.getByRole('button', { name: fr['identify.submit'], exact: true }).click();
}

/** Jean-Pierre MULLER (demo identity with an active account) identified and logged in, on "Mon espace". */
export async function loginAsJeanPierre(p: Page, kiosk: RunningKiosk): Promise<void> {
  await identifyAs(p, kiosk, '401234562RE067', ['02', '03', '1975']);
  await p.getByRole('button', { name: fr['outcome.found.login'], exact: true }).click();
  await p.getByRole('textbox', { name: fr['login.email'], exact: true }).fill('jean-pierre.muller@example.com');
  await p.getByRole('textbox', { name: fr['login.password'], exact: true }).fill('Menuiserie-Muller-1975');
  await p.getByRole('button', { name: fr['login.submit'], exact: true }).click();
  await p.getByRole('heading', { level: 1, name: fr['space.heading'] }).waitFor();
}

/**
 * Gives the artisan logged in on this page the demo portrait as ID photo, through the call
 * the camera screen makes (photo:set): for tests of what comes after the photo, since no card
 * leaves without one. test/e2e/photo-card.e2e.test.ts takes it with the camera, by touch.
 */
export async function givePhoto(p: Page): Promise<void> {
  const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
  const ok = await p.evaluate(async (photo) => {
    const r = await fetch('/api/photo%3Aset', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('kiosk-token')}` },
      body: JSON.stringify({ jpeg: photo }),
    });
    return ((await r.json()) as { ok: boolean }).ok;
  }, jpeg);
  assert.ok(ok, 'the photo is accepted');
}

/** The discreet gesture that opens the staff PIN screen: 5 taps on the chamber's mark. */
export async function staffGesture(p: Page): Promise<void> {
  const mark = p.getByTestId('brand-mark');
  for (let i = 0; i < 5; i++) await mark.tap();
}

/**
 * On a kiosk with no agent yet, from its welcome: the gesture, then the first agent (Nadia,
 * PIN 482913) created, which opens the console on its orders.
 */
export async function firstAgentOpensConsole(p: Page): Promise<void> {
  await p.getByRole('button', { name: fr['welcome.start'], exact: true }).waitFor();
  await staffGesture(p);
  await p.getByRole('textbox', { name: fr['staff.name'], exact: true }).fill('Nadia');
  await p.getByLabel(fr['staff.pin']).fill('482913');
  await p.getByLabel(fr['staff.pinConfirmation']).fill('482913');
  await p.getByRole('button', { name: fr['staff.create'], exact: true }).click();
  await p.getByRole('heading', { name: fr['orders.title'], exact: true }).waitFor();
}

/**
 * Shows a section of the staff console, as an agent would: its button in the console's
 * navigation (named by its label, followed by its badge if any), then it is the current one.
 */
export async function consoleSection(p: Page, label: string, navName: string = fr['staff.sections']): Promise<void> {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const item = p.getByRole('navigation', { name: navName }).getByRole('button', { name: new RegExp(`^${escaped}(\\s*,|$)`) });
  await item.click();
  await p.waitForFunction((el) => el?.getAttribute('aria-current') === 'page', await item.elementHandle());
}

/**
 * An artisan orders a PVC card through the calls the artisan's screens make (identify, log in
 * or activate, photo, order), on a kiosk whose console stays open in a page: the two demo
 * identities a desk meets one after the other. Camille DURAND has no account yet: hers is
 * activated and confirmed by the demo mailbox's link first. Resolves with the order number.
 */
export async function orderPvcByCalls(kiosk: RunningKiosk, who: 'jean-pierre' | 'camille'): Promise<string> {
  const call = bridgeClient(kiosk);
  const must = async <T>(channel: string, input: object = {}): Promise<T> => {
    const r = await call<T>(channel, input);
    assert.ok(r.ok, `${channel}: ${JSON.stringify(r)}`);
    return r.value;
  };
  await must('session:end');
  if (who === 'jean-pierre') {
    await must('identity:identify', { rmNumber: '401234562RE067', birthDate: { day: '02', month: '03', year: '1975' } });
    await must('accounts:login', { email: 'jean-pierre.muller@example.com', password: 'Menuiserie-Muller-1975' });
  } else {
    const password = 'Pain-au-levain-2026';
    await must('identity:identify', { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } });
    await must('accounts:activate', { email: 'camille.durand@gmail.com', mobile: '', password, confirmation: password });
    const { url } = await must<{ url: string }>('accounts:demo-mailbox');
    const link = /href="([^"]+)">Ouvrir le lien de confirmation/.exec(await (await fetch(url)).text())?.[1]?.replaceAll('&amp;', '&');
    assert.ok(link, 'the demo mailbox has the confirmation link');
    assert.ok((await fetch(new URL(link, url))).ok, 'the link confirms the account');
    await must('accounts:login', { email: 'camille.durand@gmail.com', password });
  }
  await must('photo:set', { jpeg: readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64') });
  return (await must<{ number: string }>('order:request')).number;
}
