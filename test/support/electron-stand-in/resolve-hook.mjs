// The module resolution hook that register.mjs installs (it runs on Node's loader thread).
const STAND_IN = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: STAND_IN, format: 'module', shortCircuit: true };
  return next(specifier, context);
}
