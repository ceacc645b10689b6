import { auditVerify } from './audit-verify.ts';
import { cardRender, cardVerify } from './card-commands.ts';
import { printCommand } from './print-command.ts';
import { registryOpenApiCommand, registryServe, status, sync } from './registry-commands.ts';
import { rmCheck } from './rm-check.ts';
import { secretsCheck } from './secrets-check.ts';
import { settingsResetRegistry } from './settings-reset.ts';

/**
 * `npm run -s cli -- <command> [options]`. Each command prints its result on stdout (JSON
 * with --json) and exits 0 on success, 1 on a refusal, 2 on a usage error.
 */
const COMMANDS: Record<string, { usage: string; run(args: string[]): Promise<number> }> = {
  'rm-check': { usage: 'rm-check <input> [--json]   check an RM registration number', run: rmCheck },
  'registry-serve': {
    usage: 'registry-serve --db FILE [--port P] [--seed N] [--smtp-host H --smtp-port P --smtp-from F]   run the reference registry',
    run: registryServe,
  },
  'card-render': {
    usage: 'card-render --rm RM --out FILE.pdf [--layout card|paper] [--photo FILE.jpg] [--data-dir DIR]   the card of an artisan',
    run: cardRender,
  },
  'card-verify': { usage: 'card-verify <token> [--json] [--data-dir DIR | --public-key FILE]   check a card’s QR token offline', run: cardVerify },
  'audit-verify': { usage: 'audit-verify [--data-dir DIR] [--json]   check that the audit log was not altered', run: auditVerify },
  print: {
    usage: 'print --role card|paper|receipt --printer <CUPS queue | tcp://host:port> [--file FILE.pdf] [--text T] [--wait]   print and record the job',
    run: printCommand,
  },
  sync: { usage: 'sync --registry URL --db FILE   sync a kiosk store now (progress on stderr)', run: sync },
  'registry-openapi': { usage: 'registry-openapi   print the registry API (OpenAPI 3.1, JSON)', run: registryOpenApiCommand },
  'secrets-check': { usage: 'secrets-check [--data-dir DIR] [--json]   whether the OS keychain works, and which secrets it holds', run: secretsCheck },
  'settings-reset-registry': {
    usage: 'settings-reset-registry [--data-dir DIR]   forget the registry saved in the console (kiosk stopped): next start on the environment’s or the demo',
    run: settingsResetRegistry,
  },
  status: { usage: 'status --db FILE [--json]   what is synced, pending, and what went wrong last', run: status },
};

function usage(): string {
  return ['Usage: npm run -s cli -- <command>', '', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');
}

const [name, ...rest] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  if (name && name !== '--help' && name !== 'help') console.error(`Unknown command "${name}".\n`);
  console.error(usage());
  process.exit(name === '--help' || name === 'help' ? 0 : 2);
}
try {
  process.exitCode = await command.run(rest);
} catch (error) {
  // Usage errors from parseArgs read well as they are; anything else is a bug worth its stack.
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${error.message}\n\n${usage()}`);
    process.exitCode = 2;
  } else throw error;
}
