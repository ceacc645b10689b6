import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { registryOpenApi } from '../../../main/registry/openapi.ts';
import { ARTISAN_FIELDS, artisanTupleSchema } from '../../../main/registry/wire.ts';

const committed = JSON.parse(readFileSync(new URL('../../../main/registry/openapi.json', import.meta.url), 'utf8')) as ReturnType<typeof registryOpenApi> & {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, { prefixItems?: unknown[] }> };
};

describe('registry API document', () => {
  it('the committed openapi.json is what the wire schemas generate (regenerate: npm run -s cli -- registry-openapi)', () => {
    assert.deepEqual(committed, JSON.parse(JSON.stringify(registryOpenApi())));
  });
  it('documents every endpoint the reference server answers', () => {
    const server = readFileSync(new URL('../../../main/demo-registry/server.ts', import.meta.url), 'utf8');
    for (const p of ['/v1/health', '/v1/auth/token', '/v1/artisans/changes', '/v1/operations']) {
      assert.ok(server.includes(`'${p}'`), `server answers ${p}`);
      assert.ok(p in committed.paths, `${p} documented`);
    }
    assert.ok('/v1/artisans/{rmNumber}' in committed.paths);
  });
  it('describes the artisan tuple with one entry per field, in order', () => {
    assert.equal(committed.components.schemas.ArtisanTuple?.prefixItems?.length, ARTISAN_FIELDS.length);
    assert.equal(artisanTupleSchema.def.items.length, ARTISAN_FIELDS.length);
  });
});
