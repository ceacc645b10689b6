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
