import { z } from 'zod';
import {
  accountStatusSchema,
  activateRequestSchema,
  activationEmailRequestSchema,
  cardIssuanceSchema,
  cardLinkRequestSchema,
  cardLinkResponseSchema,
  forgotRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  profileChangeSchema,
  profileSchema,
} from './accounts-wire.ts';
import { cardKeyRegistrationSchema, cardKeySchema, cardKeysSchema } from './card-keys-wire.ts';
import { artisanPhotoSchema, photoChangeSchema } from './photo-wire.ts';
import {
  ARTISAN_FIELDS,
  activiteSchema,
  adresseSchema,
  apiErrorSchema,
  artisanTupleSchema,
  changesPageSchema,
  healthSchema,
  operationsRequestSchema,
  operationsResponseSchema,
  tokenRequestSchema,
  tokenResponseSchema,
} from './wire.ts';

type Json = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

// The normalised RM number is the tuple's first entry: one schema for the tuple, the named
// artisan, `removed` and the path parameters, so a change of the format reaches all four.
const rmNumberSchema = artisanTupleSchema.def.items[0];

/** `GET /v1/artisans/{rmNumber}`: the tuple with named fields (tupleToArtisan). */
function artisanObjectSchema() {
  const shape: Record<string, z.ZodType> = {};
  ARTISAN_FIELDS.forEach((field, i) => {
    const item = artisanTupleSchema.def.items[i];
    if (!item) throw new Error(`no tuple entry for ${field}`);
    shape[field] = item as z.ZodType;
  });
  return z.object(shape);
}

// Answers whose shape only the server writes and the client reads loosely; described here so
// that a chamber's registry knows what to send.
const resendResponseSchema = z.object({ email: z.string() });
const acceptedSchema = z.object({});
const loginFailedSchema = z.object({
  error: z.object({ code: z.literal('LOGIN_FAILED'), message: z.string(), attemptsLeft: z.number().int().nonnegative() }),
});
const loginLockedSchema = z.object({ error: z.object({ code: z.literal('LOGIN_LOCKED'), message: z.string(), until: z.string() }) });

const DESCRIPTIONS: Record<string, string> = {
  RmNumber: 'A normalised RM number: 9 digits (the SIREN), `RM` or `RE`, then the department (3 digits, or `02A`/`02B` for Corsica).',
  ArtisanTuple: `One artisan, positional, in this order: ${ARTISAN_FIELDS.join(', ')}.`,
  Artisan: 'One artisan with named fields: the entries of ArtisanTuple, named.',
  ChangesPage:
    'One page of the changes feed. `fields` names the entries of each `items` row; `removed` lists the RM numbers taken out of the registry (tombstones).',
  PhotoChange:
    'The payload of a `photo` operation: the ID photo validated at a kiosk (JPEG, base64, 35:45, at most 200 KB). The registry keeps the newest per artisan, by the operation’s `at`.',
  ArtisanPhoto: 'The artisan’s ID photo (JPEG, base64) and when a kiosk took it (`takenAt`, the `at` of its operation).',
  CardIssuance: 'The payload of a `card-issuance` operation; with delivery `email` and a PDF, the registry e-mails it.',
  ProfileChange: 'The payload of a `profile-change` operation (POST /v1/operations).',
  CardKey:
    'A card-signing public key of the chamber: `kid` is the first 8 bytes of the SHA-256 of the key’s SPKI DER, hex; `publicKey` the raw Ed25519 key (32 bytes, base64url); `revokedAt` set once the chamber withdrew it (every card it signed is then refused).',
  CardKeys: 'The chamber’s card-signing public keys, revoked ones included (with `revokedAt`).',
  CardKeyRegistration: 'A kiosk’s card-signing public key: raw Ed25519, 32 bytes, base64url.',
  Error: 'The body of every error answer of the API: a stable `code` to act on and a `message` for logs.',
  LoginFailed: 'Wrong e-mail or password; `attemptsLeft` before the account is locked.',
  LoginLocked: 'Too many failures; the account is locked `until` (ISO 8601).',
  ResendResponse: 'The address the confirmation e-mail went to.',
  ActivationEmailRequest:
    'A new address for a pending activation’s link, with the date of birth (YYYY-MM-DD) the artisan proved at the kiosk: the registry checks it against the register too.',
  Accepted: 'An empty object.',
};

/** The component schemas, generated from the zod wire schemas; shared ones become `$ref`s. */
export function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  const add = (id: string, schema: z.ZodType) => registry.add(schema, { id });
  add('RmNumber', rmNumberSchema as z.ZodType);
  add('Activite', activiteSchema);
  add('Adresse', adresseSchema);
  add('ArtisanTuple', artisanTupleSchema);
  add('Artisan', artisanObjectSchema());
  // The wire schema leaves rows unchecked (the client checks each with isArtisanTuple, far
  // cheaper than zod); the document says what each row and tombstone is.
  add('ChangesPage', changesPageSchema.extend({ items: z.array(artisanTupleSchema), removed: z.array(rmNumberSchema as z.ZodType) }));
  add('OperationsRequest', operationsRequestSchema);
  add('OperationsResponse', operationsResponseSchema);
  add('ProfileChange', profileChangeSchema);
  add('CardIssuance', cardIssuanceSchema);
  add('PhotoChange', photoChangeSchema);
  add('ArtisanPhoto', artisanPhotoSchema);
  add('TokenRequest', tokenRequestSchema);
  add('TokenResponse', tokenResponseSchema);
  add('Health', healthSchema);
  add('ActivateRequest', activateRequestSchema);
  add('AccountStatus', accountStatusSchema);
  add('ResendResponse', resendResponseSchema);
  add('ActivationEmailRequest', activationEmailRequestSchema);
  add('LoginRequest', loginRequestSchema);
  add('LoginResponse', loginResponseSchema);
  add('ForgotRequest', forgotRequestSchema);
  add('Accepted', acceptedSchema);
  add('Profile', profileSchema);
  add('CardLinkRequest', cardLinkRequestSchema);
  add('CardLinkResponse', cardLinkResponseSchema);
  add('CardKey', cardKeySchema);
  add('CardKeys', cardKeysSchema);
  add('CardKeyRegistration', cardKeyRegistrationSchema);
  add('Error', apiErrorSchema);
  add('LoginFailed', loginFailedSchema);
  add('LoginLocked', loginLockedSchema);
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Record<string, Json> = {};
  for (const [id, generated] of Object.entries(schemas)) {
    // `$id` would be a fragment-only URI (invalid in 2020-12), and `$schema` is the
    // document's dialect already: both go.
    const { $id: _id, $schema: _schema, ...rest } = generated as Json;
    const description = DESCRIPTIONS[id];
    out[id] = description ? { ...rest, description } : rest;
  }
  return out;
}

const errorContent = (codes: readonly [string, ...string[]]) => ({
  'application/json': {
    schema: {
      allOf: [ref('Error')],
      type: 'object',
      properties: {
        error: { type: 'object', properties: { code: codes.length === 1 ? { type: 'string', const: codes[0] } : { type: 'string', enum: codes } } },
      },
    },
  },
});

/** An error answer with its possible codes, the body being `{error:{code,message}}`. */
export const errorResponse = (description: string, ...codes: [string, ...string[]]) => ({ description, content: errorContent(codes) });

/** Answers shared by every call that needs the kiosk's token. */
export const componentResponses = {
  Unauthorized: {
    description: 'Missing, expired or revoked access token: get a new one from POST /v1/auth/token, then call again.',
    headers: { 'WWW-Authenticate': { required: true, schema: { type: 'string' }, description: '`Bearer`' } },
    content: errorContent(['UNAUTHENTICATED']),
  },
  TooManyRequests: {
    description: 'Too many requests: wait `Retry-After` seconds, then send the same request again.',
    headers: { 'Retry-After': { required: true, schema: { type: 'integer', minimum: 0 }, description: 'Seconds to wait before calling again.' } },
    content: errorContent(['TOO_MANY_REQUESTS']),
  },
  ServerError: {
    description: 'The registry failed; try again later. Nothing is known about what it did.',
    content: errorContent(['INTERNAL']),
  },
};

export const responseRef = (name: keyof typeof componentResponses) => ({ $ref: `#/components/responses/${name}` });

export const componentParameters = {
  RmNumber: {
    name: 'rmNumber',
    in: 'path',
    required: true,
    description: 'The artisan’s normalised RM number (upper case, no spaces).',
    schema: ref('RmNumber'),
  },
};
