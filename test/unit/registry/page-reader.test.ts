import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../../main/logging/logger.ts';
import { readChangesPage } from '../../../main/registry/page-reader.ts';
import { MAX_PAGE } from '../../../main/registry/wire.ts';
import { openDatabase } from '../../../main/store/database.ts';
import { changesPage, row } from '../../support/broken-registry.ts';

const A = '123123127RM078';
const B = '732829320RM075';
const bytes = (text: string) => Buffer.from(text, 'utf8');
const rowsOf = (page: ReturnType<typeof readChangesPage>) => Array.from({ length: page.rowCount }, (_, i) => page.row(i));
// Read whole, as the sync does: the envelope, then every row.
const refused = (text: string | Buffer, why: RegExp) =>
  assert.throws(
    () => rowsOf(readChangesPage(typeof text === 'string' ? bytes(text) : text)),
    (e: unknown) => e instanceof Error && e.name === 'RegistryError' && why.test(e.message),
  );

describe('readChangesPage: a page read from its bytes, as SQLite will read them', () => {
  it('reads what JSON.parse reads, compact or pretty, with strings that look like JSON', () => {
    const tricky = row(A, 1, 'É"\\\n]},{"items":[');
    const page = changesPage([tricky, row(B, 2, 'ŒUF 日本 😀')], 'c:1', true, ['111111111RM075']);
    for (const text of [JSON.stringify(page), JSON.stringify(page, null, 2), ` \n${JSON.stringify(page, null, '\t')}\r\n`]) {
      const read = readChangesPage(bytes(text));
      const whole = JSON.parse(text);
      assert.deepEqual(rowsOf(read), whole.items);
      assert.deepEqual([read.cursor, read.hasMore, read.removed, read.fields], [whole.cursor, whole.hasMore, whole.removed, whole.fields]);
    }
  });

  it('reads an empty page, and leaves keys it does not know aside', () => {
    const read = readChangesPage(bytes(JSON.stringify({ ...changesPage([], 'c', false), later: { items: [1] } })));
    assert.equal(read.rowCount, 0);
    assert.equal(read.cursor, 'c');
  });

  it('refuses a key named twice, even spelt with an escape (JSON.parse keeps the last, SQLite the first)', () => {
    const text = JSON.stringify(changesPage([row(A, 1)], 'c', false));
    refused(text.replace('{"fields"', `{"\\u0069tems":[],"fields"`), /names its list of rows twice/);
    refused(text.replace('{"fields"', '{"cursor":"x","fields"'), /names its key "cursor" twice/);
  });

  it('refuses what SQLite would read but JSON does not allow (JSON5): comments, trailing commas, bare words', () => {
    const text = JSON.stringify(changesPage([row(A, 1)], 'c', false));
    refused(text.replace('"items":', '/* */"items":'), /not valid JSON/);
    refused(text.replace(']],', ']],]'), /not valid JSON/);
    refused(text.replace('"removed":[]', '"removed":[],'), /not valid JSON/);
    refused(text.replace('"removed":[]', 'removed:[]'), /not valid JSON/);
    refused(text.replace('"removed":[]', "'removed':[]"), /not valid JSON/);
    refused(text.replace('null', 'nul'), /not valid JSON/);
    refused(text.replace('[[', '[[0x1F,'), /not valid JSON/);
    refused(text.replace('[[', '[{'), /not valid JSON/);
    refused(`${text}{}`, /not valid JSON/);
  });

  it('refuses a page cut short, wherever the cut falls', () => {
    const text = JSON.stringify(changesPage([row(A, 1, 'A "cut" \\ here'), row(B, 1)], 'c', false));
    for (let end = 0; end < text.length; end++) refused(text.slice(0, end), /not valid JSON|does not match the API/);
  });

  it('refuses bytes that are not UTF-8: JS would read U+FFFD where SQLite writes the raw bytes', () => {
    const text = bytes(JSON.stringify(changesPage([row(A, 1, 'DURAND')], 'c', false)));
    const at = text.indexOf('DURAND');
    text[at] = 0xc3; // the first byte of a two-byte character, followed by a plain letter
    refused(text, /not UTF-8/);
  });

  it('refuses a page of more rows than the API allows as soon as it counts them, and reads one of exactly that many', () => {
    const page = (rows: number) =>
      JSON.stringify(
        changesPage(
          Array.from({ length: rows }, () => []),
          'c',
          false,
        ),
      );
    refused(page(MAX_PAGE + 1), new RegExp(`more than the ${MAX_PAGE} rows the API allows`));
    assert.equal(readChangesPage(bytes(page(MAX_PAGE))).rowCount, MAX_PAGE);
  });

  it('refuses an envelope that does not match the API, and items that are not a list', () => {
    refused(JSON.stringify({ ...changesPage([], 'c', false), hasMore: 'yes' }), /does not match the API/);
    refused(JSON.stringify({ ...changesPage([], 'c', false), items: { 0: row(A, 1) } }), /does not match the API/);
    const { items: _, ...noItems } = changesPage([], 'c', false) as { items: unknown[] };
    refused(JSON.stringify(noItems), /does not match the API/);
    refused('[]', /not valid JSON/);
  });
});

describe('readChangesPage: a page SQLite would read otherwise than the check did is refused', () => {
  const one = JSON.stringify(changesPage([row(A, 1, 'NOM')], 'c', false));

  it('refuses a key holding a NUL: SQLite reads "items\\u0000" as $.items, and "codePostal\\u0000" as codePostal', async () => {
    const unchecked = row('not an RM number', 1);
    const db = await openDatabase(':memory:', memoryLogger());
    for (const key of ['items\\u0000', 'it\\u0065ms\\u0000x']) {
      const text = one.replace('{', `{"${key}":${JSON.stringify([unchecked])},`);
      const sqlite = await db.all<{ rm: string }>("SELECT value->>0 AS rm FROM json_each(CAST(? AS TEXT), '$.items')", [bytes(text)]);
      assert.deepEqual(sqlite, [{ rm: 'not an RM number' }], 'SQLite reads the list under that key');
      refused(text, /key holding a NUL/);
    }
    // In a row, SQLite writes the address with both keys, and reads the first as codePostal.
    const inRow = one.replace('"codePostal":', '"codePostal\\u0000":"never checked","codePostal":');
    const [read] = await db.all<{ cp: string }>("SELECT value->>'$[13].codePostal' AS cp FROM json_each(CAST(? AS TEXT), '$.items')", [bytes(inRow)]);
    assert.equal(read?.cp, 'never checked');
    refused(inRow, /key holding a NUL/);
    await db.close();
  });

  it('refuses a key named twice inside a row: SQLite writes the address with both, and reads the first', () => {
    refused(one.replace('{"voie":', '{"voie":"never checked","voie":'), /names a key twice/);
    refused(one.replace('"commune":', '"\\u0076oie":"x","commune":'), /names a key twice/);
    refused(one.replace('"cursor":"c"', '"cursor":"c","later":[{"a":1,"a":2}]'), /names a key twice/);
    const read = readChangesPage(bytes(one.replace('{"voie":', '{"__proto__":{"voie":1},"voie":')));
    const address = (read.row(0) as unknown[])[13] as object;
    assert.deepEqual(Object.keys(address), ['__proto__', 'voie', 'complement', 'codePostal', 'commune'], 'a key named once, __proto__ too, is read');
  });

  it('refuses a lone surrogate escape, which SQLite would write as bytes that are not UTF-8, and reads a pair', () => {
    for (const lone of ['\\ud800', '\\uDFFF', '\\udc00\\ud800', '\\ud83dX']) refused(one.replace('NOM"', `NOM${lone}"`), /lone UTF-16 surrogate/);
    refused(one.replace('Versailles', 'Versailles\\ud800'), /lone UTF-16 surrogate/);
    refused(one.replace('"cursor":"c"', '"cursor":"c\\udc00"'), /lone UTF-16 surrogate/);
    const read = readChangesPage(bytes(one.replace('NOM"', 'NOM\\ud83d\\ude00 \\\\ud800"')));
    assert.equal((read.row(0) as string[])[4], 'NOM😀 \\ud800', 'a pair is one character; an escaped backslash is text');
  });

  it('refuses a number in a row written with a fraction or an exponent: SQLite rounds some otherwise than JS', async () => {
    const db = await openDatabase(':memory:', memoryLogger());
    for (const version of ['5.0998327936500385e15', '2292249928172244.75']) {
      const text = one.replace(',1]]', `,${version}]]`);
      const [sqlite] = await db.all<{ v: number }>("SELECT value->>17 AS v FROM json_each(CAST(? AS TEXT), '$.items')", [bytes(text)]);
      assert.notEqual(sqlite?.v, JSON.parse(version), `SQLite reads ${version} otherwise`);
      refused(text, /fraction or an exponent/);
    }
    for (const version of ['1.0', '1e0', '10E-1']) refused(one.replace(',1]]', `,${version}]]`), /fraction or an exponent/);
    const read = readChangesPage(bytes(one.replace('"cursor":"c"', '"cursor":"c.e","later":[1.5e3,true,false]')));
    assert.deepEqual([read.cursor, (read.row(0) as unknown[])[17]], ['c.e', 1], 'outside the rows, and in words and strings, is no number');
    // Inside the address, SQLite writes a number as its text (->), which JSON.parse reads back as the check did.
    const nested = readChangesPage(bytes(one.replace('"commune":', '"lat":48.85,"n":2292249928172244.75,"commune":')));
    assert.equal(((nested.row(0) as unknown[])[13] as { lat: number }).lat, 48.85);
    await db.close();
  });

  it('refuses a page nested deeper than SQLite reads, as SQLite does (1000 levels, the page included)', async () => {
    const db = await openDatabase(':memory:', memoryLogger());
    for (const [depth, where] of [
      [998, (n: string) => one.replace('"cursor":"c"', `"cursor":"c","later":${n}`)],
      [996, (n: string) => one.replace('"commune":', `"later":${n},"commune":`)],
    ] as const) {
      for (const d of [depth, depth + 1, depth + 2, 100_000]) {
        const text = where(`${'['.repeat(d)}${']'.repeat(d)}`);
        const sqliteReads = await db.all("SELECT value FROM json_each(CAST(? AS TEXT), '$.items')", [bytes(text)]).then(
          () => true,
          () => false,
        );
        if (sqliteReads) assert.equal(rowsOf(readChangesPage(bytes(text))).length, 1, `${d} levels`);
        else refused(text, /nests deeper/);
      }
    }
    await db.close();
  });
});
