// Bundles the Electron main process and preload. The preload runs sandboxed, where
// `require` only knows Electron's own modules: it must be one self-contained CommonJS file.
import { cp, rm } from 'node:fs/promises';
import { build } from 'esbuild';

// From empty: a file left by an earlier build (a renamed migration, an old chunk) would be
// packed and shipped.
await rm('dist/main', { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: false, logLevel: 'warning', external: ['electron'] };

await build({
  ...common,
  entryPoints: ['main/index.ts'],
  outfile: 'dist/main/index.mjs',
  format: 'esm',
  external: ['electron', 'sqlite3', 'pdf-to-printer', 'keytar'],
  // CommonJS packages bundled into this ES module still call require() for Node's own
  // modules (qrcode: "fs"); esbuild's ESM output has no require, so it is given one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
});
await build({ ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs' });
// The store finds its migrations next to the code that runs them (main/store/migrate.ts).
await cp('main/store/migrations', 'dist/main/migrations', { recursive: true });
console.log('Built dist/main (index.mjs, preload.cjs, migrations/).');
