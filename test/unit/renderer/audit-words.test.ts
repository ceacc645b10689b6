import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';
import { AUDIT_ACTIONS } from '../../../renderer/screens/staff/audit-journal.tsx';
import { ROOT } from '../../support/browser-mode.ts';

/** Every action code main/ writes to the audit log, read from the source (literal `action: '…'` and the services' audit helpers). */
function appendedActions(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const src = readFileSync(p, 'utf8');
        if (!src.includes('appendAudit')) continue;
        for (const m of src.matchAll(/action: '([a-z-]+)'/g)) found.add(m[1] ?? '');
        for (const m of src.matchAll(/\baudit(?:ed)?\(\w+, '([a-z-]+)'/g)) found.add(m[1] ?? '');
      }
    }
  };
  walk(path.join(ROOT, 'main'));
  return found;
}

describe('the journal says every audited action in words', () => {
  it('each action code appended in main/ has a sentence in French and in English', () => {
    const actions = appendedActions();
    assert.ok(actions.has('pvc-paid') && actions.has('identification-paused') && actions.has('secret-set'), 'the scan finds the actions');
    assert.deepEqual(
      [...actions].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a)),
      [],
    );
    const keys = AUDIT_ACTIONS.map((a) => `audit.${a}`);
    assert.deepEqual(
      keys.filter((k) => !(k in fr) || !(k in en)),
      [],
    );
  });
});
