import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCard } from '../../main/cards/card-model.ts';
import { renderCardPdf } from '../../main/cards/card-pdf.ts';
import { generateArtisans } from '../../main/demo-registry/seed.ts';
import { ROOT } from '../support/browser-mode.ts';
import { secretsOf } from '../support/secrets.ts';
import { toArtisanRowForBench } from './bench-rows.ts';

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Renders `count` different cards (CR80 layout, with the demo photo), one after another. */
export async function cardBench({ count }: { count: number }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-card-bench-'));
  try {
    const keys = (await secretsOf(dir)).cardKeys;
    const photo = new Uint8Array(readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')));
    const artisans = generateArtisans(count + 3)
      .slice(3)
      .map(toArtisanRowForBench);
    // One warm-up card: fonts read and parsed once, as in a running kiosk.
    const first = artisans[0];
    if (first) {
      const b = buildCard(first, photo, '2026-11-27', keys);
      if (b.ok) await renderCardPdf(b.card, 'card');
    }
    const times: number[] = [];
    const sizes: number[] = [];
    for (const a of artisans) {
      const t = performance.now();
      const built = buildCard({ ...a, radiatedOn: null }, photo, '2026-11-27', keys);
      if (!built.ok) continue;
      const pdf = await renderCardPdf(built.card, 'card');
      times.push(performance.now() - t);
      sizes.push(pdf.length);
    }
    times.sort((x, y) => x - y);
    sizes.sort((x, y) => x - y);
    const at = (list: number[], p: number) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? 0;
    const result = {
      bench: 'card',
      cards: times.length,
      p50Ms: Math.round(at(times, 50) * 10) / 10,
      p95Ms: Math.round(at(times, 95) * 10) / 10,
      bytesP50: at(sizes, 50),
    };
    say(`${result.cards} cards: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, ${Math.round(result.bytesP50 / 1024)} KB (p50)`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
