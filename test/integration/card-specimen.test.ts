import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderSpecimen, SPECIMEN_PATH } from '../../scripts/card-specimen.ts';

describe('the card shown on the welcome screen', () => {
  it('is the card the kiosk draws today, pixel for pixel (run `npm run -s card-specimen` after a layout change)', async () => {
    const drawn = await renderSpecimen();
    const shown = readFileSync(SPECIMEN_PATH);
    assert.ok(drawn.length > 10_000, 'the specimen is a real picture');
    assert.ok(drawn.equals(shown), 'assets/card-specimen.png is older than the card layout: run `npm run -s card-specimen`');
  });
});
