import { parseArgs } from 'node:util';
import { cardBench } from './card.bench.ts';
import { syncBench } from './sync.bench.ts';

/**
 * `npm run -s bench -- <name> [--count N] [--json]`. Benchmarks print their figures as they
 * go (stderr) and end with one JSON line on stdout. They are not tests: nothing here
 * passes or fails on a number.
 */
const BENCHES: Record<string, (opts: { count: number; pageSize?: number }) => Promise<Record<string, unknown>>> = {
  sync: syncBench,
  card: cardBench,
};

const [name, ...rest] = process.argv.slice(2);
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
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
const result = await bench({
  count: Number(values.count),
  ...(values['page-size'] ? { pageSize: Number(values['page-size']) } : {}),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
