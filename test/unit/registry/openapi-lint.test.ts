import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';

const FILE = new URL('../../../main/registry/openapi.json', import.meta.url);
const source = readFileSync(FILE, 'utf8');
const document = JSON.parse(source) as { paths: Record<string, Record<string, unknown>> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  METHODS.filter((m) => m in item).map((method) => ({ where: `${method.toUpperCase()} ${path}`, op: item[method] as Record<string, unknown> })),
);

/**
 * The warnings of Redocly's `recommended` rules that stay, each for a reason; any other
 * warning fails, so that a new one is either fixed or added here with its reason.
 */
const ACCEPTED_WARNINGS: Record<string, string> = {
  'info-license #/info': 'no licence has been chosen for the API; the chamber decides it',
  'operation-4xx-response #/paths/~1v1~1health/get/responses': 'health answers 200, or 500 when the registry is broken: there is no client error to make',
  'operation-4xx-response #/paths/~1v1~1card-keys/get/responses': 'the list of the chamber’s public keys takes no input: there is no client error to make',
  'operation-4xx-response #/paths/~1v/get/responses': 'the verification page takes no input the server reads (the token is in the fragment, never sent)',
  'operation-4xx-response #/paths/~1reset/get/responses': 'the reset form is shown for any token; the token is checked when the form is sent',
  'no-unused-components #/components/schemas/ProfileChange':
    'the payload of a profile-change operation, a free object on the wire (OperationsRequest); kept for registries to read',
  'no-unused-components #/components/schemas/PhotoChange':
    'the payload of a photo operation, a free object on the wire (OperationsRequest); kept for registries to read',
  'no-unused-components #/components/schemas/CardIssuance':
    'the payload of a card-issuance operation, a free object on the wire (OperationsRequest); kept for registries to read',
};

const describeProblem = (p: NormalizedProblem) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`;

describe('registry API document under a standard OpenAPI linter (Redocly, recommended rules)', () => {
  it('has no error and only the warnings accepted with a reason', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: FILE.pathname, config });
    const errors = problems.filter((p) => p.severity === 'error');
    assert.equal(errors.length, 0, `Redocly finds errors in openapi.json:\n${errors.map(describeProblem).join('\n')}`);
    const unexpected = problems.filter((p) => p.severity === 'warn' && !(`${p.ruleId} ${p.location[0]?.pointer ?? ''}` in ACCEPTED_WARNINGS));
    assert.equal(unexpected.length, 0, `Redocly finds new warnings in openapi.json:\n${unexpected.map(describeProblem).join('\n')}`);
  });

  it('gives every operation a unique operationId and an explicit security requirement', () => {
    assert.ok(operations.length >= 16, `found ${operations.length} operations`);
    const ids = new Map<string, string>();
    for (const { where, op } of operations) {
      const id = op.operationId;
      assert.ok(typeof id === 'string' && id.length > 0, `${where} has no operationId`);
      assert.ok(!ids.has(id), `${where} reuses the operationId ${id} of ${ids.get(id)}`);
      ids.set(id, where);
      assert.ok(Array.isArray(op.security), `${where} does not say which token it needs (security: [] when none)`);
    }
  });

  it('says that health, the token exchange, the chamber’s public card keys and the pages opened from links need no token', () => {
    for (const { where, op } of operations) {
      const open = where === 'GET /v1/health' || where === 'POST /v1/auth/token' || where === 'GET /v1/card-keys' || !where.split(' ')[1]?.startsWith('/v1/');
      assert.deepEqual((op.security as unknown[]).length === 0, open, `${where}: security ${JSON.stringify(op.security)}`);
    }
  });
});
