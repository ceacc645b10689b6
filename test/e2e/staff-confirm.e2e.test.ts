import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { noViolations } from '../support/axe.ts';
import { changesPage, row, startBrokenRegistry } from '../support/broken-registry.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { focusIsOn } from '../support/confirm.ts';
import { consoleSection, firstAgentOpensConsole } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

/** The secret's line in the Secrets section, as staff read it. */
const secretLine = (set: boolean) =>
  translate('fr', 'secrets.line', { name: fr['secrets.name.registry-secret'], state: fr[set ? 'secrets.set' : 'secrets.notSet'] });

describe('staff actions that cannot be undone are asked twice, by touch, with the focus on the question', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let registry: Awaited<ReturnType<typeof startBrokenRegistry>>;
  // Once the secret is erased the registry no longer takes the kiosk's old token, as a real one would after its expiry.
  let refuseToken = false;
  before(async () => {
    registry = await startBrokenRegistry((_req, url) => {
      if (url.pathname === '/v1/health') return { body: { status: 'ok', records: 1, version: '1' } };
      if (url.pathname === '/v1/artisans/changes')
        return refuseToken ? { status: 401, body: { code: 'UNAUTHORIZED' } } : { body: changesPage([row('732829320RM075', 1)], 'c1', false) };
      return { status: 404, body: { code: 'NOT_FOUND' } };
    });
    kiosk = await startBrowserMode(tempDir('kiosk-confirm-'), {
      KIOSK_REGISTRY_URL: registry.url,
      KIOSK_ID: 'desk-1',
      KIOSK_REGISTRY_SECRET: 'a-secret-of-sixteen-chars',
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await registry?.close();
  });

  it('"Effacer du trousseau": one tap only asks; "Annuler" keeps the secret; confirmed, it is erased and the sync error names "Secrets"', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await firstAgentOpensConsole(p);
    await consoleSection(p, fr['console.nav.secrets']);
    await p.getByText(secretLine(true)).waitFor();

    await button(p, fr['secrets.delete']).tap();
    await focusIsOn(p, 'LEGEND', fr['secrets.deleteConfirm'], 'the question replaces the button');
    assert.ok(await p.getByText(secretLine(true)).isVisible(), 'one tap erased nothing');
    assert.ok(await button(p, fr['secrets.deleteYes']).isVisible());
    await noViolations(p);
    await screenshot(p, 'staff-confirm-secret');
    await button(p, fr['confirm.cancel']).tap();
    await focusIsOn(p, 'BUTTON', fr['secrets.delete'], '"Annuler" gives the focus back');
    assert.ok(await p.getByText(secretLine(true)).isVisible(), '"Annuler" kept the secret');
    assert.equal(await p.getByText(fr['secrets.deleteConfirm']).count(), 0, 'the question is gone');

    await button(p, fr['secrets.delete']).tap();
    await button(p, fr['app.switchLanguageLabel']).click();
    await p.getByText(en['secrets.deleteConfirm']).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-confirm-secret-en');
    await button(p, en['app.switchLanguageLabel']).click();
    await button(p, fr['secrets.deleteYes']).tap();
    await p.getByText(secretLine(false)).waitFor();
    assert.equal(await button(p, fr['secrets.delete']).count(), 0, 'nothing left to erase');

    // Without its secret the kiosk cannot sync: the error sends staff to the section where the secret lives.
    refuseToken = true;
    await consoleSection(p, fr['console.nav.sync']);
    await button(p, fr['staff.syncNow']).click();
    const error = translate('fr', 'staff.lastError', { words: fr['staff.error.credentials'] });
    await p.getByText(error).waitFor();
    assert.match(error, /« Secrets »/);
    assert.equal(fr['console.nav.secrets'], 'Secrets', 'the section named is the console’s own');
    await screenshot(p, 'staff-confirm-secret-sync-error');
    await button(p, fr['app.switchLanguageLabel']).click();
    await p.getByText(translate('en', 'staff.lastError', { words: en['staff.error.credentials'] })).waitFor();
    assert.match(en['staff.error.credentials'], new RegExp(`“${en['console.nav.secrets']}”`));
    await button(p, en['app.switchLanguageLabel']).click();
    await p.close();
  });

  it('"Retirer Karim": one tap only asks; "Annuler" keeps him; confirmed, he is removed once', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    await p.keyboard.press('Control+Alt+s');
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await button(p, fr['staff.enter']).click();
    await consoleSection(p, fr['console.nav.agents']);
    await p.getByRole('textbox', { name: fr['members.name'] }).fill('Karim');
    await p.getByLabel(fr['members.pin']).fill('735190');
    await p.getByLabel(fr['members.pinConfirmation']).fill('735190');
    await button(p, fr['members.add']).click();
    await p.getByText(fr['members.added']).waitFor();

    const remove = translate('fr', 'members.remove', { name: 'Karim' });
    const question = translate('fr', 'members.removeConfirm', { name: 'Karim' });
    const members = p.locator('.member-list');
    await button(p, remove).tap();
    await focusIsOn(p, 'LEGEND', question, 'the question replaces the button');
    assert.match(await members.innerText(), /Karim/, 'one tap removed no one');
    await noViolations(p);
    await screenshot(p, 'staff-confirm-member');
    await button(p, fr['confirm.cancel']).tap();
    await focusIsOn(p, 'BUTTON', remove, '"Annuler" gives the focus back');
    assert.match(await members.innerText(), /Karim/, '"Annuler" kept him');

    await button(p, remove).tap();
    await button(p, translate('fr', 'members.removeYes', { name: 'Karim' })).tap();
    await p.getByText(fr['members.removed']).waitFor();
    assert.doesNotMatch(await members.innerText(), /Karim/);
    // Once: the journal says it one time.
    await consoleSection(p, fr['staff.auditTitle']);
    await p
      .getByText(/Nadia a retiré/)
      .first()
      .waitFor();
    assert.equal(await p.getByText(/Nadia a retiré/).count(), 1, 'removed once');
    await p.close();
  });

  it('"Arrêter la borne": the question takes the focus, "Annuler" gives it back and the kiosk goes on', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    await p.keyboard.press('Control+Alt+s');
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await button(p, fr['staff.enter']).click();
    await consoleSection(p, fr['settings.title']);
    await button(p, fr['staff.stop']).tap();
    await focusIsOn(p, 'LEGEND', fr['staff.stopConfirm'], 'the question replaces the button');
    await noViolations(p);
    await screenshot(p, 'staff-confirm-stop');
    await button(p, fr['confirm.cancel']).tap();
    await focusIsOn(p, 'BUTTON', fr['staff.stop'], '"Annuler" gives the focus back');
    // Still serving: the kiosk answers a call that needs it (the sync, refused since the secret went).
    await consoleSection(p, fr['console.nav.sync']);
    await button(p, fr['staff.syncNow']).click();
    await p.getByText(translate('fr', 'staff.lastError', { words: fr['staff.error.credentials'] })).waitFor();
    await p.close();
  });
});
