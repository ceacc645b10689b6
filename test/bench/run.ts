import { parseArgs } from 'node:util';

/**
 * `npm run -s bench -- <name> [--count N] [--json]`. Benchmarks print their figures as they
 * go (stderr) and end with one JSON line on stdout. They are not tests: nothing here
 * passes or fails on a number.
 */
type Bench = (opts: { count: number; pageSize?: number }) => Promise<Record<string, unknown>>;
// Each bench is loaded only when it runs: the sync's RSS figure is the kiosk's sync, not the
// card renderer's fonts and PDF library, which the card bench alone needs.
const BENCHES: Record<string, () => Promise<Bench>> = {
  sync: async () => (await import('./sync.bench.ts')).syncBench,
  card: async () => (await import('./card.bench.ts')).cardBench,
};

const [name, ...rest] = process.argv.slice(2);
const load = name ? BENCHES[name] : undefined;
if (!load) {
  console.error(`Usage: npm run -s bench -- <${Object.keys(BENCHES).join('|')}> [--count N] [--json]`);
  process.exit(2);
}
const { values } = parseArgs({
  args: rest,
  options: {
    count: { type: 'string', default: '100000' },
    'page-size': { type: 'string' },

    json: { type: 'boolean', default: false },
  },
  strict: true,
});
const bench = await load();
const result = await bench({
  count: Number(values.count),
  ...(values['page-size'] ? { pageSize: Number(values['page-size']) } : {}),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
