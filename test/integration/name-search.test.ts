import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchArtisans } from '../../main/store/artisans-repo.ts';
import { wordsQuery } from '../../main/store/search-index.ts';
import { changesPage, row, startBrokenRegistry } from '../support/broken-registry.ts';
import { replicaFor, startTestRegistry } from '../support/registry.ts';

const names = (hits: { firstNames: string; lastName: string }[]) => hits.map((h) => `${h.firstNames} ${h.lastName}`);
const DEFERRED =
  "SELECT name FROM sqlite_master WHERE name IN ('artisans_siren', 'artisan_words_insert', 'artisan_words_delete', 'artisan_words_update') ORDER BY name";

describe('finding an artisan by name at the desk', () => {
  it('after a first load: by word beginnings, any order, accent- and case-blind; kept in step by deltas', async () => {
    const registry = await startTestRegistry(3000);
    const { db, engine } = await replicaFor(registry.server.url, { pageSize: 1000 });
    await engine.syncNow();
    assert.equal((await db.all(DEFERRED)).length, 4, 'the SIREN index and the name-search triggers are built at the end of the first load');
    assert.ok(names(await searchArtisans(db, { words: ['durand', 'cam'] })).includes('Camille DURAND'));
    assert.ok(names(await searchArtisans(db, { words: ['CAMILLE', 'Dur'] })).includes('Camille DURAND'), 'any order, any case');
    const muller = await searchArtisans(db, { words: ['müller', 'jean'] });
    assert.ok(
      muller.some((h) => h.rmNumber === '401234562RE067'),
      'ü typed finds MULLER (the demo has many: his first name narrows it)',
    );
    assert.deepEqual(await searchArtisans(db, { words: ['%%'] }), [], 'what is not a letter or digit is no query syntax');

    // A change of trade name and a removal reach the search with the next delta.
    const jp = await registry.store.byRmNumber('401234562RE067');
    assert.ok(jp);
    const renamed: typeof jp = [...jp];
    renamed[9] = 'Ébénisterie Zéphyrine';
    renamed[17] += 1;
    await registry.store.upsert([renamed]);
    await registry.store.remove('123123127RM078');
    await engine.syncNow();
    assert.deepEqual(
      (await searchArtisans(db, { words: ['zephyrine'] })).map((h) => h.rmNumber),
      ['401234562RE067'],
    );
    assert.ok(
      !(await searchArtisans(db, { words: ['durand', 'camille'] })).some((h) => h.rmNumber === '123123127RM078'),
      'a removed artisan is not found (other Camille DURANDs may be)',
    );
    await db.close();
    await registry.close();
  });

  it('a first load leaves the name index in one piece, so the deltas after it do not carry its merge', async () => {
    const registry = await startTestRegistry(3000);
    const { db, engine } = await replicaFor(registry.server.url, { pageSize: 1000 });
    // A small in-memory buffer makes the rebuild write many pieces, as a million artisans do
    // with the default one (FTS5's hashsize, kept in the index's own config).
    await db.transaction((tx) => tx.exec("INSERT INTO artisan_words (artisan_words, rank) VALUES ('hashsize', 4096)"));
    const pieces = async () => (await db.get<{ n: number }>('SELECT count(DISTINCT segid) AS n FROM artisan_words_idx'))?.n;
    await engine.syncNow();
    assert.equal(await pieces(), 1, 'one piece: no merge left for the deltas to do');
    assert.ok(names(await searchArtisans(db, { words: ['durand', 'cam'] })).includes('Camille DURAND'), 'and it finds the names');
    await db.close();
    await registry.close();
  });

  it('during a first load the names are still found, by a scan of what is loaded', async () => {
    const registry = await startBrokenRegistry(() => ({ body: changesPage([row('123123127RM078', 1, 'DURAND')], 'stuck', true) }));
    const { db, engine } = await replicaFor(registry.url);
    await assert.rejects(engine.syncNow());
    assert.equal((await db.all(DEFERRED)).length, 0, 'deferred while loading');
    assert.deepEqual(names(await searchArtisans(db, { words: ['dur'] })), ['Camille DURAND']);
    await db.close();
    await registry.close();
  });

  it('reads a short word beside a longer one as a particle of the name, and a short word alone as a beginning', async () => {
    const particle = row('123123127RM078', 1, 'DE LA FONTAINE');
    const lookalike = row('732829320RM075', 1, 'DELAGE');
    lookalike[8] = 'LA FONTAINE SARL';
    const registry = await startBrokenRegistry(() => ({ body: changesPage([particle, lookalike], 'c1', false) }));
    const { db, engine } = await replicaFor(registry.url);
    await engine.syncNow();
    const rms = async (words: string[]) => (await searchArtisans(db, { words })).map((h) => h.rmNumber).sort();
    assert.deepEqual(await rms(['de', 'la', 'fontaine']), ['123123127RM078'], '"de" is the word de, not every word that starts with it');
    assert.deepEqual(await rms(['de', 'la', 'font']), ['123123127RM078'], 'the longer word is still a beginning');
    assert.deepEqual(await rms(['de']), ['123123127RM078', '732829320RM075'], 'alone, "de" begins DE and DELAGE');
    await db.close();
    await registry.close();
  });

  it('a delta that changes a SIREN moves it in the SIREN search; an older row does not, nor does a row that keeps it', async () => {
    const a = row('123123127RM078', 1, 'DURAND');
    const b = row('732829320RM075', 1, 'DELAGE');
    let page = changesPage([a, b], 'c1', false);
    const registry = await startBrokenRegistry(() => ({ body: page }));
    const { db, engine } = await replicaFor(registry.url);
    await engine.syncNow();
    const bySiren = async (siren: string) => (await searchArtisans(db, { siren })).map((h) => h.rmNumber);
    assert.deepEqual(await bySiren('123123127'), ['123123127RM078']);

    // A's company is bought (a new SIREN, version 2); B comes again with its SIREN, a new name.
    const moved = [...a];
    moved[1] = '552100554';
    moved[17] = 2;
    const renamed = [...b];
    renamed[4] = 'DELAGE-MOREAU';
    renamed[17] = 2;
    page = changesPage([moved, renamed], 'c2', false);
    await engine.syncNow();
    assert.deepEqual(await bySiren('552100554'), ['123123127RM078'], 'found by the new SIREN');
    assert.deepEqual(await bySiren('123123127'), [], 'not by the old one');
    assert.deepEqual(await bySiren('732829320'), ['732829320RM075'], 'a SIREN sent again unchanged stays');
    assert.equal((await searchArtisans(db, { rmNumber: '732829320RM075' }))[0]?.lastName, 'DELAGE-MOREAU', 'the rest of the row changed');

    // The registry replays A's version 1: neither its SIREN nor anything else goes back.
    page = changesPage([a], 'c3', false);
    const replay = await engine.syncNow();
    assert.equal(replay.older, 1);
    assert.deepEqual(await bySiren('552100554'), ['123123127RM078'], 'an older row does not bring back the old SIREN');
    assert.deepEqual(await bySiren('123123127'), []);
    await db.close();
    await registry.close();
  });

  it('turns typed words into a safe query', () => {
    assert.equal(wordsQuery(['jean-pierre', 'müller']), '"jean"* "pierre"* "müller"*');
    assert.equal(wordsQuery(['"OR', 'NEAR(']), '"OR" "NEAR"*');
    assert.equal(wordsQuery(['%%', '**']), null);
    assert.equal(wordsQuery(["d'almeida", 'jo']), '"d" "almeida"* "jo"');
    assert.equal(wordsQuery(['ma']), '"ma"*');
    assert.equal(wordsQuery(['Lê', 'Ng']), '"Lê"* "Ng"*', 'all short: beginnings');
  });
});
