import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorKind, errorWhere } from '../../main/logging/logger.ts';
import { PrintError } from '../../main/printing/print-errors.ts';
import { RegistryError } from '../../main/registry/client.ts';

describe('a caught error in a log line: its kind, never its message', () => {
  it('names the class, with the domain kind when there is one, and leaves the message out', () => {
    const cases: [unknown, string][] = [
      [new TypeError('Cannot read properties of undefined (reading "Jean-Pierre")'), 'TypeError'],
      [new PrintError('spooler-down', 'cannot read the state of Card-3 for Jean-Pierre Muller'), 'PrintError:spooler-down'],
      [new RegistryError('offline', 'fetch failed'), 'RegistryError:offline'],
      [Object.assign(new Error("ELOOP: too many symbolic links, open '/home/jpm/loop.js'"), { code: 'ELOOP' }), 'Error:ELOOP'],
      [Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' }), 'Error:SQLITE_BUSY'],
      [Object.assign(new Error('odd'), { code: 'jean-pierre.muller@example.com' }), 'Error'],
      ['a thrown string with jean-pierre.muller@example.com', 'string'],
      [undefined, 'undefined'],
    ];
    assert.deepEqual(
      cases.map(([error]) => errorKind(error)),
      cases.map(([, kind]) => kind),
    );
  });
});

describe('where a caught bug was thrown: its frames, never its message nor folders', () => {
  function thrower(): never {
    throw new TypeError('Cannot read "Jean-Pierre Muller"\n    at jean-pierre.muller@example.com (/home/jpm/secret.ts:1:1)');
  }
  it('names the function and the file with its line, and leaves the message and the folders out', () => {
    let caught: unknown;
    try {
      thrower();
    } catch (error) {
      caught = error;
    }
    const where = errorWhere(caught);
    assert.match(where, /^thrower \(error-kind\.test\.ts:\d+:\d+\)/);
    assert.doesNotMatch(where, /Jean-Pierre|example\.com|secret|\/home|test\/unit/);
  });
  it('is empty for what is not an error with a stack', () => {
    assert.equal(errorWhere('a thrown string with jean-pierre.muller@example.com'), '');
    assert.equal(errorWhere(undefined), '');
  });
});
