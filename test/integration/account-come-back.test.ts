import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import type { ArtisanTuple } from '../../main/registry/wire.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { type Call, type Lie, startLyingRegistry } from '../support/lying-registry.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { linkIn, startSmtpCapture } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } };
const TYPED = 'camille.durand@gmail.com';
const PASSWORD = 'Pain-au-levain-2026';
const ORIGIN = 'http://kiosk.test';

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string } };

/**
 * An artisan who activates and comes back within the minute the replica takes to sync: the
 * kiosk knows what it just did. Real SQLite files, the reference registry over HTTP (its mails
 * to an SMTP capture) behind a proxy that can hold a changes page on its way, or stop
 * answering. Each case ends the visit and identifies again, as the artisan back at the screen.
 */
describe('activate, leave, come back at once: the kiosk remembers what it did', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let proxy: Awaited<ReturnType<typeof startLyingRegistry>>;
  let kiosk: Kiosk;
  let other: Kiosk;
  let link = '';
  /** What the proxy does with each call: undefined passes it to the registry. */
  let lie: (call: Call) => Promise<Lie | undefined> | Lie | undefined = () => undefined;
  const down = (call: Call): Lie | undefined =>
    call.path.startsWith('/v1/accounts') ? { status: 503, body: { code: 'UNAVAILABLE', message: 'down' } } : undefined;

  const invokeOn = (k: Kiosk) => {
    const dispatch = k.dispatcher('browser', [ORIGIN]);
    return async (channel: string, input: unknown) => (await dispatch(channel, input, { origin: ORIGIN, transport: 'http' })) as Answer;
  };
  /** The visit ends; the artisan identifies again: what the screen would offer. */
  async function comeBack(k: Kiosk): Promise<unknown> {
    const invoke = invokeOn(k);
    assert.equal((await invoke('session:end', {})).ok, true);
    const r = await invoke('identity:identify', CAMILLE);
    assert.ok(r.ok && r.value.kind === 'found', JSON.stringify(r));
    return (r.value.artisan as { accountStatus: string }).accountStatus;
  }
  const inReplica = async (k: Kiosk) => (await k.db.get<{ s: string }>('SELECT account_status AS s FROM artisans WHERE rm_number = ?', [CAMILLE.rmNumber]))?.s;
  const knownRows = async (k: Kiosk) => (await k.db.get<{ n: number }>('SELECT count(*) AS n FROM account_known'))?.n;

  before(async () => {
    smtp = await startSmtpCapture();
    registry = await startTestRegistry(50, { smtp: { host: '127.0.0.1', port: smtp.port, from: 'carte@cma.example' } });
    proxy = await startLyingRegistry(registry.server.url, (call) => lie(call));
    const config = { url: proxy.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 3000 };
    kiosk = await readyKiosk({ dataDir: tempDir(), log: memoryLogger('desk-1'), syncIntervalMs: 0, registry: config });
    other = await readyKiosk({ dataDir: tempDir(), log: memoryLogger('desk-2'), syncIntervalMs: 0, registry: config });
  });
  after(async () => {
    await kiosk?.close();
    await other?.close();
    await proxy?.close();
    await registry?.close();
    await smtp?.close();
  });

  it('a page of the feed asked for before the activation, arriving after it, does not take the account back to "none"', async () => {
    // Something else of Camille's changed at the registry: the next page carries her row, account "none".
    const t = (await registry.store.byRmNumber(CAMILLE.rmNumber)) as ArtisanTuple;
    const renamed: ArtisanTuple = [...t];
    renamed[9] = 'Boulangerie Durand & Fils';
    renamed[17] += 1;
    await registry.store.upsert([renamed]);
    // The kiosk asks for that page; the registry's answer is held on its way.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked: () => void = () => undefined;
    const pageAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    lie = async (call) => {
      if (!call.path.startsWith('/v1/artisans/changes')) return undefined;
      const answer = await call.pass();
      asked();
      await held;
      return { status: answer.status, body: answer.body };
    };
    const syncing = kiosk.sync.syncNow();
    await pageAsked;
    // Meanwhile Camille activates at this kiosk.
    const invoke = invokeOn(kiosk);
    assert.equal((await invoke('identity:identify', CAMILLE)).ok, true);
    const mail = smtp.next();
    assert.equal((await invoke('accounts:activate', { email: TYPED, mobile: '', password: PASSWORD, confirmation: PASSWORD })).ok, true);
    link = linkIn((await mail).raw);
    assert.equal(await inReplica(kiosk), 'pending', 'written through at once');
    // The old page lands now: her new trade name is taken, her account is not taken back.
    release();
    await syncing;
    lie = down;
    assert.equal(await inReplica(kiosk), 'pending');
    assert.equal(
      (await kiosk.db.get<{ t: string }>('SELECT trade_name AS t FROM artisans WHERE rm_number = ?', [CAMILLE.rmNumber]))?.t,
      'Boulangerie Durand & Fils',
    );
    // Back at once, the registry down: "check your mail", not "Activer mon compte".
    assert.equal(await comeBack(kiosk), 'pending');
    assert.equal(await knownRows(kiosk), 1, 'kept while the feed has not been read from after the activation');
  });

  it('the next sync brings the registry’s own "pending": the kiosk’s note is forgotten, the replica agrees', async () => {
    lie = () => undefined;
    await kiosk.sync.syncNow();
    assert.equal(await inReplica(kiosk), 'pending');
    assert.equal(await knownRows(kiosk), 0);
  });

  it('two kiosks: the other desk’s replica does not know yet, the registry asked live does', async () => {
    lie = () => undefined;
    assert.equal(await inReplica(other), 'none', 'the other desk has not synced since');
    assert.equal(await comeBack(other), 'pending');
    assert.equal(await inReplica(other), 'none', 'what the registry said live is not written: the sync will bring it');
    // With the registry down too, the other desk cannot know: it says what its copy says.
    lie = down;
    assert.equal(await comeBack(other), 'none');
  });

  it('confirmed while waiting: the kiosk that saw it says "log in" when she comes back, the registry down', async () => {
    lie = () => undefined;
    const invoke = invokeOn(kiosk);
    assert.equal((await invoke('identity:identify', CAMILLE)).ok, true);
    assert.equal((await invoke('accounts:status', {})).ok, true, 'the pending activation found again');
    assert.equal((await fetch(link)).status, 200, 'the link is followed on her phone');
    assert.equal(await kiosk.accounts.confirmation(CAMILLE.rmNumber), 'confirmed');
    assert.equal(await inReplica(kiosk), 'active');
    lie = down;
    assert.equal(await comeBack(kiosk), 'active');
  });

  it('a page asked for after what the kiosk learnt is the registry’s word, and stands even when it says less', async () => {
    // The registry drops Camille's account (a chamber's decision): its feed says "none".
    await registry.store.db.transaction((tx) => tx.run('DELETE FROM accounts WHERE rm_number = ?', [CAMILLE.rmNumber]));
    const t = (await registry.store.byRmNumber(CAMILLE.rmNumber)) as ArtisanTuple;
    const dropped: ArtisanTuple = [...t];
    dropped[16] = 'none';
    dropped[17] += 1;
    await registry.store.upsert([dropped]);
    lie = () => undefined;
    await kiosk.sync.syncNow();
    assert.equal(await inReplica(kiosk), 'none');
    assert.equal(await knownRows(kiosk), 0);
    assert.equal(await comeBack(kiosk), 'none');
  });

  it('logging in is remembered too: an account the replica did not know confirmed says "log in" next time', async () => {
    lie = () => undefined;
    const invoke = invokeOn(kiosk);
    // Jean-Pierre's account exists; his replica row is made to lag, as a desk's copy would.
    const MULLER = { rmNumber: '401234562RE067', birthDate: { day: '02', month: '03', year: '1975' } };
    await kiosk.db.transaction((tx) => tx.run("UPDATE artisans SET account_status = 'none' WHERE rm_number = ?", [MULLER.rmNumber]));
    assert.equal((await invoke('identity:identify', MULLER)).ok, true);
    assert.equal((await invoke('accounts:login', { email: 'jean-pierre.muller@example.com', password: 'Menuiserie-Muller-1975' })).ok, true);
    assert.equal((await kiosk.db.get<{ s: string }>('SELECT account_status AS s FROM artisans WHERE rm_number = ?', [MULLER.rmNumber]))?.s, 'active');
    lie = down;
    assert.equal((await invoke('session:end', {})).ok, true);
    const back = await invoke('identity:identify', MULLER);
    assert.equal(back.ok && (back.value.artisan as { accountStatus: string }).accountStatus, 'active');
  });
});
