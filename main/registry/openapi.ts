import { z } from 'zod';
import {
  accountStatusSchema,
  activateRequestSchema,
  cardIssuanceSchema,
  cardLinkRequestSchema,
  cardLinkResponseSchema,
  forgotRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  profileChangeSchema,
  profileSchema,
} from './accounts-wire.ts';
import {
  ARTISAN_FIELDS,
  activiteSchema,
  adresseSchema,
  apiErrorSchema,
  artisanTupleSchema,
  changesPageSchema,
  DEFAULT_PAGE,
  healthSchema,
  MAX_PAGE,
  operationsRequestSchema,
  operationsResponseSchema,
  tokenRequestSchema,
  tokenResponseSchema,
} from './wire.ts';

/**
 * The registry API as an OpenAPI 3.1 document. Paths and words are written here; the
 * schemas are generated from the zod wire schemas that the client and the server use, so
 * the document cannot drift from the code. `npm run -s cli -- registry-openapi` prints it;
 * main/registry/openapi.json is its committed copy (a test keeps the two equal).
 */
export function registryOpenApi(): Record<string, unknown> {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any' });
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
  const error = (description: string) => ({ description, content: json('Error') });
  const bearer = [{ kioskToken: [] }];
  return {
    openapi: '3.1.0',
    info: {
      title: 'CMA registry API for front-desk kiosks',
      version: '1.0.0',
      description:
        'What a CMA card kiosk needs from the chamber’s registry: a changes feed of artisans to keep a local copy, one artisan by RM number, and an operations endpoint for the kiosk’s writes (applied once per idempotency key). Field names follow INPI’s RNE and the former CMA RNM feed.',
    },
    servers: [{ url: 'http://127.0.0.1:{port}', description: 'The reference server (main/demo-registry)', variables: { port: { default: '8099' } } }],
    components: {
      securitySchemes: {
        kioskToken: { type: 'http', scheme: 'bearer', description: 'An access token from POST /v1/auth/token. Expired or revoked: 401, get a new one.' },
      },
      schemas: {
        ArtisanTuple: { ...schema(artisanTupleSchema), description: `One artisan, positional, in this order: ${ARTISAN_FIELDS.join(', ')}.` },
        Activite: schema(activiteSchema),
        Adresse: schema(adresseSchema),
        ChangesPage: schema(changesPageSchema),
        OperationsRequest: schema(operationsRequestSchema),
        OperationsResponse: schema(operationsResponseSchema),
        TokenRequest: schema(tokenRequestSchema),
        TokenResponse: schema(tokenResponseSchema),
        Health: schema(healthSchema),
        ActivateRequest: schema(activateRequestSchema),
        AccountStatus: schema(accountStatusSchema),
        LoginRequest: schema(loginRequestSchema),
        LoginResponse: schema(loginResponseSchema),
        ForgotRequest: schema(forgotRequestSchema),
        Profile: schema(profileSchema),
        CardLinkRequest: schema(cardLinkRequestSchema),
        CardLinkResponse: schema(cardLinkResponseSchema),
        CardIssuance: {
          ...schema(cardIssuanceSchema),
          description: 'The payload of a `card-issuance` operation; with delivery `email` and a PDF, the registry e-mails it.',
        },
        ProfileChange: { ...schema(profileChangeSchema), description: 'The payload of a `profile-change` operation (POST /v1/operations).' },
        Error: schema(apiErrorSchema),
      },
    },
    paths: {
      '/v1/health': {
        get: { summary: 'Is the registry up, and how many artisans it holds', responses: { 200: { description: 'Up', content: json('Health') } } },
      },
      '/v1/auth/token': {
        post: {
          summary: 'Exchange the kiosk’s id and secret for an access token',
          requestBody: { required: true, content: json('TokenRequest') },
          responses: { 200: { description: 'A token and when it expires', content: json('TokenResponse') }, 401: error('Unknown kiosk or wrong secret') },
        },
      },
      '/v1/artisans/changes': {
        get: {
          summary: 'Artisans changed after a cursor, in server-sequence order, with tombstones',
          description:
            'Each artisan appears at most once per page, in its latest state (`items`, arrays in the order of `fields`); removed artisans are listed in `removed`. Send `cursor` back as `after` until `hasMore` is false. A kiosk applies a page and its cursor in one transaction.',
          security: bearer,
          parameters: [
            {
              name: 'after',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              description: 'Opaque cursor of the previous page; absent for the start.',
            },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE } },
          ],
          responses: {
            200: { description: 'One page', content: json('ChangesPage') },
            400: error('The cursor was not made by this registry'),
            401: error('Missing, expired or revoked token'),
            429: error('Too many requests: wait Retry-After seconds'),
          },
        },
      },
      '/v1/artisans/{rmNumber}': {
        get: {
          summary: 'One artisan by normalised RM number',
          security: bearer,
          parameters: [{ name: 'rmNumber', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]{9}R[ME]([0-9]{3}|02[AB])$' } }],
          responses: {
            200: { description: 'The artisan, with named fields' },
            404: error('No artisan with this number'),
            401: error('Missing, expired or revoked token'),
          },
        },
      },
      '/v1/accounts/activate': {
        post: {
          summary: 'Create the pending account of an artisan the kiosk identified, and send the confirmation e-mail',
          description: 'The password is checked against the CNIL rules again and kept only as a scrypt hash. The e-mail holds a link valid 24 hours.',
          security: bearer,
          requestBody: { required: true, content: json('ActivateRequest') },
          responses: {
            201: { description: 'Pending; the e-mail is sent', content: json('AccountStatus') },
            400: error('EMAIL_INVALID or PASSWORD_WEAK'),
            404: error('NOT_FOUND: no such artisan'),
            409: error('ACCOUNT_EXISTS or EMAIL_TAKEN'),
            410: error('RADIATED'),
          },
        },
      },
      '/v1/accounts/{rmNumber}/status': {
        get: {
          summary: 'Whether the artisan has no account, a pending one, or an active one',
          security: bearer,
          responses: { 200: { description: 'The status', content: json('AccountStatus') } },
        },
      },
      '/v1/accounts/{rmNumber}/resend': {
        post: { summary: 'Send the confirmation e-mail again', security: bearer, responses: { 200: { description: 'Sent' }, 409: error('NOT_PENDING') } },
      },
      '/v1/accounts/{rmNumber}/profile': {
        get: {
          summary: 'Contact details of an account',
          security: bearer,
          responses: { 200: { description: 'The details', content: json('Profile') }, 404: error('NOT_FOUND') },
        },
      },
      '/v1/accounts/login': {
        post: {
          summary: 'Check an artisan’s e-mail and password',
          description: 'Five failures lock the account for 15 minutes. 422, not 401: 401 is about the kiosk’s own token.',
          security: bearer,
          requestBody: { required: true, content: json('LoginRequest') },
          responses: {
            200: { description: 'Whose account', content: json('LoginResponse') },
            422: error('LOGIN_FAILED, with attemptsLeft'),
            423: error('LOGIN_LOCKED, with until'),
          },
        },
      },
      '/v1/accounts/password-reset': {
        post: {
          summary: 'Send a reset link if the address has an active account; the answer is the same either way',
          security: bearer,
          requestBody: { required: true, content: json('ForgotRequest') },
          responses: { 202: { description: 'Accepted' } },
        },
      },
      '/v1/cards/links': {
        post: {
          summary: 'Make a one-time download link for a card PDF, for the artisan’s phone',
          description: 'The link (GET /cards/download?token=…) serves the PDF once and expires after 15 minutes.',
          security: bearer,
          requestBody: { required: true, content: json('CardLinkRequest') },
          responses: { 201: { description: 'The link', content: json('CardLinkResponse') }, 400: error('BAD_REQUEST') },
        },
      },
      '/v1/operations': {
        post: {
          summary: 'Deliver the kiosk’s writes: profile changes, photos, card issuances, PVC order events, audit events',
          description:
            'Each operation is applied once per idempotency key, however often it is sent; a repeat is answered `duplicate`. Both answers mean the registry has it.',
          security: bearer,
          requestBody: { required: true, content: json('OperationsRequest') },
          responses: {
            200: { description: 'What became of each operation', content: json('OperationsResponse') },
            400: error('The request does not match the schema'),
            401: error('Missing, expired or revoked token'),
            429: error('Too many requests: wait Retry-After seconds'),
          },
        },
      },
    },
  };
}
