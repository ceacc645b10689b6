import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorKind } from '../../main/logging/logger.ts';
import { PrintError } from '../../main/printing/print-errors.ts';
import { RegistryError } from '../../main/registry/client.ts';

describe('a caught error in a log line: its kind, never its message', () => {
  it('names the class, with the domain kind when there is one, and leaves the message out', () => {
    const cases: [unknown, string][] = [
      [new TypeError('Cannot read properties of undefined (reading "Jean-Pierre")'), 'TypeError'],
      [new PrintError('spooler-down', 'cannot read the state of Card-3 for Jean-Pierre Muller'), 'PrintError:spooler-down'],
      [new RegistryError('offline', 'fetch failed'), 'RegistryError:offline'],
      ['a thrown string with jean-pierre.muller@example.com', 'string'],
      [undefined, 'undefined'],
    ];
    assert.deepEqual(
      cases.map(([error]) => errorKind(error)),
      cases.map(([, kind]) => kind),
    );
  });
});
