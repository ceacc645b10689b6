import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { memoryLogger } from '../../main/logging/logger.ts';
import { DEFAULT_SETTINGS, writeSettings } from '../../main/settings/kiosk-settings.ts';
import { appendAudit } from '../../main/store/audit-repo.ts';
import { openStore } from '../../main/store/open-store.ts';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, firstAgentOpensConsole } from '../support/kiosk-flows.ts';
import { eventually } from '../support/pvc.ts';
import { tempDir } from '../support/temp.ts';

/** The sentences of the journal's list as shown, without their time ("14:02 — …"). */
async function sentences(journal: Locator): Promise<string[]> {
  const items = await journal.locator('ul.audit-journal li').allInnerTexts();
  return items.map((t) => t.replace(/^\d{2}:\d{2} — /, '').trim());
}

describe('the console’s journal names in words who acted outside the console', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const dataDir = tempDir('kiosk-journal-actors-');

  before(async () => {
    // A registry saved in the console, then forgotten by IT on the command line, kiosk stopped.
    const db = await openStore(dataDir, memoryLogger());
    await db.transaction(async (tx) => {
      await writeSettings(tx, { ...DEFAULT_SETTINGS, registryUrl: 'https://registre.cma.example/', kioskId: 'borne-078-1' });
      // An entry of an author this version does not know (a later tool, say): its code is kept.
      await appendAudit(tx, { actor: 'outil-x', action: 'settings-changed', details: { fields: 'chamber' } }, new Date());
    });
    await db.close();
    const reset = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'settings-reset-registry', '--data-dir', dataDir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(reset.status, 0, reset.stderr);
    kiosk = await startBrowserMode(dataDir, {}, { waitForCopy: false });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('IT’s reset from the command line reads "Service informatique (ligne de commande)" / "IT (command line)", never "cli"', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await firstAgentOpensConsole(p);
    await consoleSection(p, fr['staff.auditTitle']);
    const journal = p.locator('section.journal');
    const cliLine = 'Service informatique (ligne de commande) a modifié les réglages : adresse du registre, identifiant de la borne';
    await eventually(async () => (await sentences(journal)).includes(cliLine), `the reset in the journal: ${cliLine}`);
    const lines = await sentences(journal);
    assert.ok(lines.includes('Un auteur non reconnu (outil-x) a modifié les réglages : nom de la chambre'), lines.join('\n'));
    assert.ok(
      lines.every((s) => !/^(cli|outil-x)\b/.test(s)),
      lines.join('\n'),
    );
    await noViolations(p);
    await screenshot(p, 'journal-actors-fr');

    await p.getByRole('button', { name: fr['app.switchLanguageLabel'], exact: true }).click();
    await consoleSection(p, en['staff.auditTitle'], en['staff.sections']);
    await eventually(
      async () => (await sentences(journal)).includes('IT (command line) changed the settings: registry address, kiosk identifier'),
      'the reset in English',
    );
    assert.ok(
      (await sentences(journal)).includes('An unrecognised author (outil-x) changed the settings: chamber name'),
      (await sentences(journal)).join('\n'),
    );
    await noViolations(p);
    await screenshot(p, 'journal-actors-en');
  });
});
