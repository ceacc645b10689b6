import type { Page } from 'playwright-core';
import { fr } from '../../renderer/i18n/fr.ts';
import type { RunningKiosk } from './browser-mode.ts';

/** From the welcome screen to the answer of identification, typing as a person would. */
export async function identifyAs(p: Page, kiosk: RunningKiosk, rmNumber: string, [day, month, year]: readonly [string, string, string]): Promise<void> {
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

/** The discreet gesture that opens the staff PIN screen: 5 taps on the chamber's mark. */
export async function staffGesture(p: Page): Promise<void> {
  const mark = p.getByTestId('brand-mark');
  for (let i = 0; i < 5; i++) await mark.tap();
}
