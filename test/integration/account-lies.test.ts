import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { type Call, type Lie, startLyingRegistry } from '../support/lying-registry.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = '123123127RM078';
const TYPED = 'camille.durand@gmail.com';
const PASSWORD = 'Pain-au-levain-2026';
const form = { email: ` ${TYPED.toUpperCase()} `, mobile: '06 12 34 56 78', password: PASSWORD, confirmation: PASSWORD };

/**
 * The registry lies about an account's confirmation: the kiosk core, over real HTTP, through the
 * reference registry with a liar in front of it. Whatever the lie, the kiosk never takes the
 * account as confirmed, never logs the visit in on it (so no "Mon espace", no card), answers
 * REGISTRY_UNTRUSTED (a sentence saying what to do, in the renderer), and logs why without
 * a person's data.
 */
describe('a registry that lies about an account’s confirmation', () => {
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let liar: Awaited<ReturnType<typeof startLyingRegistry>>;
  let kiosk: Kiosk;
  const log = memoryLogger();
  /** What the liar says to each call, per test: undefined lets the registry answer. */
  let lie: (call: Call) => Promise<Lie | undefined> | Lie | undefined = () => undefined;
  const statusCalls: string[] = [];

  before(async () => {
    registry = await startTestRegistry(50);
    liar = await startLyingRegistry(registry.server.url, (call) => {
      if (call.path.endsWith('/status')) statusCalls.push(call.path);
      return lie(call);
    });
    kiosk = await readyKiosk({ dataDir: tempDir(), log, syncIntervalMs: 0, registry: { url: liar.url, kioskId: KIOSK_ID, secret: SECRET } });
  });
  after(async () => {
    await kiosk.close();
    await liar.close();
    await registry.close();
  });
  beforeEach(() => {
    lie = () => undefined;
    kiosk.session.identified(CAMILLE, '1980-07-14');
  });

  /** The kiosk took nothing from the lie: not logged in, no "Mon espace", no card. */
  async function nothingLetThrough(): Promise<void> {
    assert.equal(kiosk.session.get().loggedIn, false, 'the visit is not logged in');
    const me = await kiosk.accounts.myInformation();
    assert.equal(!me.ok && me.error.code, 'SESSION_REQUIRED', 'no "Mon espace"');
    const card = await kiosk.cards.view();
    assert.equal(card.ok, false, 'no card');
  }
  const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
  const statusIs = (status: string, email: string | null) => (call: Call) => (call.path.endsWith('/status') ? { body: { status, email } } : undefined);

  it('the activation answered "active" at once (its link not even sent yet): refused in words, not logged in', async () => {
    lie = async (call) => {
      if (!call.path.endsWith('/activate')) return undefined;
      const real = await call.pass();
      assert.equal(real.status, 201);
      return { status: 201, body: { status: 'active', email: TYPED } };
    };
    assert.equal(code(await kiosk.accounts.activate(form)), 'REGISTRY_UNTRUSTED');
    // The registry goes on to say "active" with the right address: still not believed in this visit.
    lie = statusIs('active', TYPED);
    assert.equal(code(await kiosk.accounts.status()), 'REGISTRY_UNTRUSTED');
    assert.equal(await kiosk.accounts.confirmation(CAMILLE), 'untrusted');
    await nothingLetThrough();
  });

  it('the activation answered with another address than the one typed: refused, not sent on to the waiting screen', async () => {
    lie = async (call) => {
      if (!call.path.endsWith('/activate')) return undefined;
      await call.pass();
      return { status: 201, body: { status: 'pending', email: 'someone.else@example.com' } };
    };
    assert.equal(code(await kiosk.accounts.activate(form)), 'REGISTRY_UNTRUSTED');
    await nothingLetThrough();
  });

  it('"active" for another address than the one the link went to: not confirmed, not logged in', async () => {
    const r = await kiosk.accounts.activate(form);
    assert.deepEqual(r, { ok: true, value: { status: 'pending', email: TYPED } });
    lie = statusIs('active', 'someone.else@example.com');
    assert.equal(await kiosk.accounts.confirmation(CAMILLE), 'untrusted', 'the watch hears it as untrusted, not confirmed');
    const s = await kiosk.accounts.status();
    assert.equal(code(s), 'REGISTRY_UNTRUSTED');
    await nothingLetThrough();
    // The address the registry named is in no answer and no log line.
    assert.ok(!JSON.stringify(s).includes('someone.else'));
  });

  it('"active" heard by the watch, then "pending" again: the screen is told, the visit is not logged in', async () => {
    assert.equal(code(await kiosk.accounts.activate(form)), 'ok');
    lie = statusIs('active', TYPED);
    assert.equal(await kiosk.accounts.confirmation(CAMILLE), 'confirmed');
    lie = statusIs('pending', TYPED);
    assert.equal(code(await kiosk.accounts.status()), 'REGISTRY_UNTRUSTED');
    // Back to "active": the registry contradicted itself in this visit, it is not believed again.
    lie = statusIs('active', TYPED);
    assert.equal(code(await kiosk.accounts.status()), 'REGISTRY_UNTRUSTED');
    await nothingLetThrough();
  });

  it('logged in on "active", then "pending" again: the visit is logged out, no card leaves', async () => {
    assert.equal(code(await kiosk.accounts.activate(form)), 'ok');
    lie = statusIs('active', TYPED);
    const active = await kiosk.accounts.status();
    assert.deepEqual(active.ok && [active.value.status, active.value.loggedIn], ['active', true]);
    lie = statusIs('none', null);
    assert.equal(code(await kiosk.accounts.status()), 'REGISTRY_UNTRUSTED');
    await nothingLetThrough();
  });

  const shapes: [string, Lie][] = [
    ['a missing field', { body: { status: 'active' } }],
    ['an unknown status word', { body: { status: 'confirmed', email: TYPED } }],
    ['wrong types', { body: { status: ['active'], email: 42 } }],
    ['an empty body with 200', { body: '' }],
    ['a body that is not JSON', { body: '<html>Proxy OK</html>' }],
    ['null', { body: 'null' }],
  ];
  for (const [what, told] of shapes) {
    it(`a status with ${what}: said as an answer the kiosk cannot trust (not "refused"), nothing let through`, async () => {
      assert.equal(code(await kiosk.accounts.activate(form)), 'ok');
      lie = (call) => (call.path.endsWith('/status') ? told : undefined);
      assert.equal(await kiosk.accounts.confirmation(CAMILLE), 'untrusted');
      assert.equal(code(await kiosk.accounts.status()), 'REGISTRY_UNTRUSTED');
      await nothingLetThrough();
    });
  }

  it('"an account exists" for a number whose status the registry says is "none": not believed, said in words', async () => {
    lie = (call) => {
      if (call.path.endsWith('/activate')) return { status: 409, body: { error: { code: 'ACCOUNT_EXISTS', message: 'ACCOUNT_EXISTS' } } };
      return statusIs('none', null)(call);
    };
    assert.equal(code(await kiosk.accounts.activate(form)), 'REGISTRY_UNTRUSTED');
    await nothingLetThrough();
  });

  it('"an account exists" with the status saying "active": believed (the copy was behind), the artisan is sent to log in', async () => {
    lie = (call) => {
      if (call.path.endsWith('/activate')) return { status: 409, body: { error: { code: 'ACCOUNT_EXISTS', message: 'ACCOUNT_EXISTS' } } };
      return statusIs('active', 'c.durand@orange.fr')(call);
    };
    assert.equal(code(await kiosk.accounts.activate(form)), 'ACCOUNT_EXISTS');
    await nothingLetThrough();
  });

  it('"sent again" to another address than the link went to, or a new address answered as another: refused, nothing confirmed after', async () => {
    assert.equal(code(await kiosk.accounts.activate(form)), 'ok');
    lie = (call) => (call.path.endsWith('/resend') ? { body: { email: 'someone.else@example.com' } } : undefined);
    assert.equal(code(await kiosk.accounts.resend()), 'REGISTRY_UNTRUSTED');
    lie = statusIs('active', TYPED);
    assert.equal(await kiosk.accounts.confirmation(CAMILLE), 'untrusted');
    await nothingLetThrough();

    kiosk.session.identified(CAMILLE, '1980-07-14');
    assert.equal(code(await kiosk.accounts.activate(form)), 'ok');
    lie = (call) => (call.path.endsWith('/activation-email') ? { body: { email: 'someone.else@example.com' } } : undefined);
    assert.equal(code(await kiosk.accounts.changeActivationEmail({ email: 'c.durand@gmail.com' })), 'REGISTRY_UNTRUSTED');
    await nothingLetThrough();
  });

  it('a pending activation found again: "active" for the address the registry named is believed, for another one not', async () => {
    assert.equal(code(await kiosk.accounts.activate(form)), 'ok');
    kiosk.session.identified(CAMILLE, '1980-07-14');
    lie = statusIs('pending', 'C.Durand@Gmail.com');
    assert.equal(code(await kiosk.accounts.status()), 'ok');
    lie = statusIs('active', 'someone.else@example.com');
    assert.equal(await kiosk.accounts.confirmation(CAMILLE), 'untrusted');

    kiosk.session.identified(CAMILLE, '1980-07-14');
    lie = statusIs('pending', 'C.Durand@Gmail.com');
    assert.equal(code(await kiosk.accounts.status()), 'ok');
    lie = statusIs('active', 'c.durand@gmail.com');
    assert.equal(await kiosk.accounts.confirmation(CAMILLE), 'confirmed');
    // Not chosen here: the visit is not logged in by it (it logs in with the password).
    const s = await kiosk.accounts.status();
    assert.deepEqual(s.ok && [s.value.status, s.value.loggedIn], ['active', false]);
  });

  it('a login answered for another address than the one typed: refused, not logged in', async () => {
    lie = (call) => (call.path.endsWith('/login') ? { body: { rmNumber: CAMILLE, email: 'someone.else@example.com' } } : undefined);
    assert.equal(code(await kiosk.accounts.login({ email: TYPED, password: PASSWORD })), 'REGISTRY_UNTRUSTED');
    await nothingLetThrough();
  });

  it('what was logged says why, with no address, RM number or password', () => {
    const text = log.lines.join('\n');
    assert.match(text, /account-answer-untrusted/);
    for (const reason of ['not-pending', 'other-address', 'went-back', 'malformed', 'exists-without-account'])
      assert.match(text, new RegExp(`"reason":"${reason}"`), reason);
    for (const secret of ['camille', 'someone.else', 'orange.fr', CAMILLE, PASSWORD]) assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), secret);
    assert.ok(statusCalls.length > 0);
  });
});
