// `node --import <this file> <main bundle>`: the bundle's `import 'electron'` gets the stand-in
// (electron.mjs), as Electron's main process gets its built-in module. Nothing else changes:
// every other import resolves from the bundle's own folder, as it would in the package.
import { register } from 'node:module';

register(new URL('./resolve-hook.mjs', import.meta.url));
