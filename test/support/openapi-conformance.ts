import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

type Json = Record<string, unknown>;
type Doc = { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };

/** One answer of the server, read whole: what the checker compares with the document. */
export type Answer = { status: number; contentType: string | null; headers: Headers; body: Buffer };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks real answers against main/registry/openapi.json: the operation is documented, the
 * status is one it documents, required headers are there, the media type is a documented
 * one, and the body validates against the documented schema (JSON Schema 2020-12, which
 * OpenAPI 3.1 uses, `$ref`s resolved within the document). Returns the problems, none when
 * the answer is what the document says.
 */
export function openApiChecker(file: URL) {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Doc;
  // Strict: a keyword Ajv does not know, or a type it cannot check, is an error of the
  // document rather than something silently ignored.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const toDefs = (schema: unknown): Json => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/$defs/')) as Json;
  const defs = toDefs(doc.components.schemas);
  const compiled = new Map<string, ValidateFunction>();
  const validator = (schema: unknown) => {
    const key = JSON.stringify(schema);
    let v = compiled.get(key);
    if (!v) {
      v = ajv.compile({ ...toDefs(schema), $defs: defs });
      compiled.set(key, v);
    }
    return v;
  };

  const resolve = (node: unknown): Json => {
    let n = node;
    for (let hops = 0; isObject(n) && typeof n.$ref === 'string'; hops++) {
      if (hops > 10) throw new Error(`$ref loop at ${n.$ref}`);
      const pointer: string = n.$ref;
      if (!pointer.startsWith('#/')) throw new Error(`external $ref ${pointer}`);
      n = pointer
        .slice(2)
        .split('/')
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), doc);
      if (n === undefined) throw new Error(`unresolved $ref ${pointer}`);
    }
    if (!isObject(n)) throw new Error('expected an object in the document');
    return n;
  };

  // Concrete paths before templated ones, as OpenAPI matches them.
  const templates = Object.keys(doc.paths)
    .map((template) => {
      const names: string[] = [];
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { template, names, re: new RegExp(`^${source}$`) };
    })
    .sort((a, b) => a.names.length - b.names.length);

  /** The documented operation of a call, with the problems of its path parameters. */
  function operationOf(method: string, pathname: string): { operationId: string; op: Json; problems: string[] } | { problems: string[] } {
    for (const { template, names, re } of templates) {
      const m = re.exec(pathname);
      const item = doc.paths[template];
      if (!m || !item) continue;
      const op = item[method.toLowerCase()];
      if (!isObject(op)) return { problems: [`${method} ${pathname} matches ${template}, which documents no ${method}`] };
      const problems: string[] = [];
      const params = [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].map(resolve);
      names.forEach((name, i) => {
        const param = params.find((p) => p.in === 'path' && p.name === name);
        const value = decodeURIComponent(m[i + 1] ?? '');
        if (!param) problems.push(`${template}: path parameter {${name}} not declared`);
        else if (!validator(param.schema)(value)) problems.push(`${template}: {${name}} = ${JSON.stringify(value)} does not match its schema`);
      });
      return { operationId: String(op.operationId), op, problems };
    }
    return { problems: [`${method} ${pathname} is not documented`] };
  }

  /** The problems of one answer to `method pathname`; empty when it conforms. */
  function check(method: string, pathname: string, answer: Answer): { operationId: string | null; problems: string[] } {
    const found = operationOf(method, pathname);
    if (!('op' in found)) return { operationId: null, problems: found.problems };
    const where = `${found.operationId} (${method} ${pathname}) answered ${answer.status}`;
    const problems = [...found.problems];
    const responses = resolve(found.op.responses);
    const documented = responses[String(answer.status)];
    if (documented === undefined) {
      problems.push(`${where}: status not documented (documented: ${Object.keys(responses).join(', ')}); body ${answer.body.toString('utf8', 0, 300)}`);
      return { operationId: found.operationId, problems };
    }
    const response = resolve(documented);
    for (const [name, header] of Object.entries(isObject(response.headers) ? response.headers : {})) {
      const h = resolve(header);
      const value = answer.headers.get(name);
      if (value === null) {
        if (h.required === true) problems.push(`${where}: required header ${name} missing`);
        continue;
      }
      const schema = resolve(h.schema);
      const typed = schema.type === 'integer' || schema.type === 'number' ? (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value) : value;
      if (!validator(schema)(typed)) problems.push(`${where}: header ${name}: ${JSON.stringify(value)} does not match its schema`);
    }
    const content = isObject(response.content) ? response.content : undefined;
    if (!content) {
      if (answer.body.length > 0) problems.push(`${where}: a body where the document says none`);
      return { operationId: found.operationId, problems };
    }
    const mediaType = answer.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
    const media = content[mediaType];
    if (!isObject(media)) {
      problems.push(`${where}: media type ${JSON.stringify(answer.contentType)} not documented (documented: ${Object.keys(content).join(', ')})`);
      return { operationId: found.operationId, problems };
    }
    let body: unknown;
    if (mediaType === 'application/json') {
      try {
        body = JSON.parse(answer.body.toString('utf8'));
      } catch {
        problems.push(`${where}: the body is not JSON: ${answer.body.toString('utf8', 0, 300)}`);
        return { operationId: found.operationId, problems };
      }
    } else if (mediaType === 'application/pdf') {
      body = answer.body.toString('latin1');
      if (!answer.body.subarray(0, 5).equals(Buffer.from('%PDF-'))) problems.push(`${where}: an application/pdf body that is not a PDF`);
    } else body = answer.body.toString('utf8');
    if (media.schema !== undefined) {
      const validate = validator(media.schema);
      if (!validate(body)) {
        const errors = (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
        problems.push(`${where}: the body does not match the documented schema:\n  ${errors.join('\n  ')}`);
      }
    }
    return { operationId: found.operationId, problems };
  }

  const operationIds = Object.values(doc.paths).flatMap((item) =>
    METHODS.flatMap((m) => {
      const op = item[m];
      return isObject(op) ? [String(op.operationId)] : [];
    }),
  );

  return { check, operationIds, document: doc };
}
