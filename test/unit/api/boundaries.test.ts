import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findViolations } from '../../../scripts/check-boundaries.ts';

describe('process boundaries lint', () => {
  it('lets the renderer import types from main/, nothing else', () => {
    const ok = { path: 'renderer/app/a.ts', text: "import type { Channel } from '../../main/api/contract.ts';\nimport { x } from './x.ts';" };
    const bad = { path: 'renderer/app/b.ts', text: "import { contract } from '../../main/api/contract.ts';" };
    assert.deepEqual(findViolations([ok]), []);
    assert.match(findViolations([bad])[0] ?? '', /renderer may import only types/);
  });
  it('lets the renderer run the shared rules, and keeps those rules pure', () => {
    assert.deepEqual(findViolations([{ path: 'renderer/a.tsx', text: "import { checkPassword } from '../main/shared/rules/password.ts';" }]), []);
    assert.equal(findViolations([{ path: 'main/shared/x.ts', text: "import { readFile } from 'node:fs';" }]).length, 1);
    assert.equal(findViolations([{ path: 'main/shared/x.ts', text: "import { db } from '../store/database.ts';" }]).length, 1);
  });
  it('keeps main/ from importing the renderer', () => {
    assert.equal(findViolations([{ path: 'main/x.ts', text: "import { App } from '../renderer/app/app.tsx';" }]).length, 1);
  });
  it('passes on the project as it is', async () => {
    const { execFileSync } = await import('node:child_process');
    assert.doesNotThrow(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check-boundaries.ts'], { stdio: 'pipe' }));
  });
});
