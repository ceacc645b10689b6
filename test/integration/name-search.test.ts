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

  it('turns typed words into a safe query', () => {
    assert.equal(wordsQuery(['jean-pierre', 'müller']), '"jean"* "pierre"* "müller"*');
    assert.equal(wordsQuery(['"OR', 'NEAR(']), '"OR" "NEAR"*');
    assert.equal(wordsQuery(['%%', '**']), null);
    assert.equal(wordsQuery(["d'almeida", 'jo']), '"d" "almeida"* "jo"');
    assert.equal(wordsQuery(['ma']), '"ma"*');
    assert.equal(wordsQuery(['Lê', 'Ng']), '"Lê"* "Ng"*', 'all short: beginnings');
  });
});
