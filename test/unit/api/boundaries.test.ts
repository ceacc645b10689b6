import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findViolations } from '../../../scripts/check-boundaries.ts';

const check = (path: string, text: string) => findViolations([{ path, text }]);

// Lines as the kiosk had them before what crosses the contract moved to main/shared/ (issue 13).
const OLD_FLOW = [
  "import type { MyInformation } from '../../main/accounts/accounts-service.ts';",
  "import type { ErrorCode, ErrorField, FieldProblem } from '../../main/api/errors.ts';",
  "import type { SearchHit } from '../../main/store/artisans-repo.ts';",
  "import { formatMobile } from '../../main/rules/phone-format.ts';",
].join('\n');
const OLD_ERRORS = [
  "import type { BirthDateRefusal } from '../identity/birth-date.ts';",
  "import type { RmRefusal } from '../identity/rm-number.ts';",
  "import type { PinRefusal } from '../rules/staff-pin.ts';",
].join('\n');
const OLD_CONTRACT = [
  "import { z } from 'zod';",
  "import type { CardView } from '../cards/card-service.ts';",
  "import type { PrintJob } from '../store/print-jobs-repo.ts';",
  "import { type EmailTarget, ID_DOCUMENTS, type IssuanceResult } from '../staff/issuance-service.ts';",
  "import type { Channel, EVENTS } from './channels.ts';",
].join('\n');

describe('process boundaries lint', () => {
  it('lets the renderer take from main/ only main/shared/, values and types alike', () => {
    const shared = [
      "import type { PrintJob } from '../../main/shared/print-jobs.ts';",
      "import { formatMobile } from '../../main/shared/rules/phone-format.ts';",
      "import { ID_DOCUMENTS } from '../../main/shared/staff.ts';",
      "import { x } from './x.ts';",
    ].join('\n');
    assert.deepEqual(check('renderer/app/visit-state.ts', shared), []);
    const problems = check('renderer/app/visit-state.ts', OLD_FLOW);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems.join('\n'), /renderer takes from main\/ only main\/shared\//);
  });

  it('lets the renderer import the contract and the type of window.kiosk, as types only', () => {
    const ok = ["import type { Channel, InputOf } from '../../main/api/contract.ts';", "import type { KioskApi } from '../../main/api/kiosk-api.ts';"].join(
      '\n',
    );
    assert.deepEqual(check('renderer/app/kiosk-client.ts', ok), []);
    assert.match(check('renderer/app/b.ts', "import { contract } from '../../main/api/contract.ts';")[0] ?? '', /renderer may import only types/);
    // The rest of main/api/ is not the renderer's, even as types.
    assert.equal(check('renderer/app/b.ts', "import type { Dispatch } from '../../main/api/handle.ts';").length, 1);
  });

  it('keeps main/shared/ a leaf: itself and zod, nothing else, types included', () => {
    const ok = "import { z } from 'zod';\nimport type { PrintJob } from './print-jobs.ts';\nimport { isEmail } from '../rules/email.ts';";
    assert.deepEqual(check('main/shared/rules/x.ts', ok), []);
    assert.equal(check('main/shared/x.ts', "import { readFile } from 'node:fs';").length, 1);
    assert.equal(check('main/shared/x.ts', "import type { ReadDb } from '../store/database.ts';").length, 1);
    assert.match(check('main/shared/x.ts', "import type { Result } from '../api/errors.ts';").join('\n'), /main\/shared\/ is shared with the renderer/);
  });

  it('fails on the error codes importing identity types back (the api/services cycle)', () => {
    const problems = check('main/api/errors.ts', OLD_ERRORS);
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.deepEqual(check('main/api/errors.ts', "import type { Result } from '../shared/errors.ts';"), []);
  });

  it('keeps core services from importing main/api/; the composition root and transports may', () => {
    const old = "import type { KioskError, Result } from '../api/errors.ts';";
    for (const service of ['main/cards/card-service.ts', 'main/settings/settings-service.ts', 'main/store/x-repo.ts', 'main/cli/index.ts']) {
      assert.match(check(service, old).join('\n'), /core services know nothing of the contract/, service);
    }
    assert.deepEqual(check('main/cards/card-service.ts', "import { fail, type Result } from '../shared/errors.ts';"), []);
    assert.deepEqual(check('main/kiosk.ts', "import { createHandlers } from './api/handlers.ts';"), []);
    assert.deepEqual(check('main/shell/ipc.ts', "import type { Dispatch } from '../api/handle.ts';"), []);
    assert.deepEqual(check('main/browser/bridge.ts', "import type { Dispatch } from '../api/handle.ts';"), []);
    assert.deepEqual(check('main/preload.ts', "import { CHANNELS } from './api/channels.ts';"), []);
  });

  it('keeps the contract on main/shared/, zod and the channel list, so its types bring no Node into the page', () => {
    const problems = check('main/api/contract.ts', OLD_CONTRACT);
    assert.equal(problems.length, 3, problems.join('\n'));
    const now = [
      "import { z } from 'zod';",
      "import type { PrintJob } from '../shared/print-jobs.ts';",
      "import { ID_DOCUMENTS } from '../shared/staff.ts';",
      "import type { Channel, EVENTS } from './channels.ts';",
    ].join('\n');
    assert.deepEqual(check('main/api/contract.ts', now), []);
  });

  it('keeps the store off the wire format and the printing errors, and lets it map rows to the shared views', () => {
    assert.equal(check('main/store/outbox-repo.ts', "import type { Operation } from '../registry/wire.ts';").length, 1);
    assert.equal(check('main/store/print-jobs-repo.ts', "import type { PrintErrorKind } from '../printing/print-errors.ts';").length, 1);
    const ok = "import { PRINT_ERROR_KINDS } from '../shared/print-error-kinds.ts';\nimport type { PrintJob } from '../shared/print-jobs.ts';";
    assert.deepEqual(check('main/store/print-jobs-repo.ts', ok), []);
  });

  it('keeps the spooler and the Windows spooler from importing each other', () => {
    assert.equal(check('main/printing/spooler.ts', "import { windowsSpooler } from './windows-spooler.ts';").length, 1);
    assert.deepEqual(check('main/printing/windows-spooler.ts', "import type { Spooler } from './spooler.ts';"), []);
    assert.deepEqual(check('main/printing/system-spooler.ts', "import { windowsSpooler } from './windows-spooler.ts';"), []);
  });

  it('keeps main/ from importing the renderer', () => {
    assert.equal(check('main/x.ts', "import { App } from '../renderer/app/app.tsx';").length, 1);
  });

  it('finds a module that imports itself back through others, and names the way round', () => {
    const files = [
      { path: 'main/a/one.ts', text: "import { two } from './two.ts';" },
      { path: 'main/a/two.ts', text: "export { three } from '../b/three.ts';" },
      { path: 'main/b/three.ts', text: "import { one } from '../a/one.ts';\nimport { z } from 'zod';" },
      { path: 'main/b/four.ts', text: "import { one } from '../a/one.ts';" },
    ];
    const problems = findViolations(files);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0] ?? '', /import cycle main\/a\/one\.ts -> main\/a\/two\.ts -> main\/b\/three\.ts -> main\/a\/one\.ts/);
    assert.equal(findViolations([{ path: 'main/x.ts', text: "import { x } from './x.ts';" }]).length, 1, 'a file importing itself');
  });

  it('leaves out of cycles what is erased: `import type`, but not an import of named types, which verbatimModuleSyntax keeps', () => {
    const back = (line: string) => [
      { path: 'main/one.ts', text: "import { two } from './two.ts';" },
      { path: 'main/two.ts', text: line },
    ];
    assert.deepEqual(findViolations(back("import type { One } from './one.ts';")), []);
    assert.deepEqual(findViolations(back("export type { One } from './one.ts';")), []);
    assert.equal(findViolations(back("import { type One } from './one.ts';")).length, 1);
  });

  it('passes on the project as it is', async () => {
    const { execFileSync } = await import('node:child_process');
    assert.doesNotThrow(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check-boundaries.ts'], { stdio: 'pipe' }));
  });
});
