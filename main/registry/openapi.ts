import { componentParameters, componentResponses, componentSchemas, errorResponse, ref, responseRef } from './openapi-components.ts';
import { DEFAULT_PAGE, MAX_PAGE } from './wire.ts';

const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const bearer = [{ kioskToken: [] }];
/** Said explicitly, so that no tool takes these for calls that forgot their token. */
const open: never[] = [];
/** What every call with the kiosk's token can also answer. */
const tokenAnswers = { 401: responseRef('Unauthorized'), 429: responseRef('TooManyRequests'), 500: responseRef('ServerError') };
const rmNumber = { $ref: '#/components/parameters/RmNumber' };
const linkToken = (what: string) => ({
  name: 'token',
  in: 'query',
  required: true,
  description: `The one-time token of the ${what}.`,
  schema: { type: 'string' },
});

const CHANGES_DESCRIPTION = `Artisans changed after a cursor, in server-sequence order. Send \`cursor\` back as \`after\` until \`hasMore\` is false; a kiosk applies a page and its cursor in one transaction.

What a kiosk may rely on, and checks:
- A page is capped: at most ${MAX_PAGE.toLocaleString('en')} rows (\`items\` and \`removed\` together), and a kiosk refuses a body larger than 64 MB.
- Each RM number appears at most once per page, in its latest state: in \`items\` (arrays in the order of \`fields\`) or in \`removed\`.
- \`removed\` holds well-formed RM numbers (the RmNumber schema).
- An artisan’s \`version\` never goes backwards for an RM number, from page to page and sync to sync.
- While \`hasMore\` is true, \`cursor\` always advances: it is never the \`after\` that was sent.`;

const OPERATIONS_DESCRIPTION = `Each operation is applied once per idempotency key, however often it is sent; a repeat is answered \`duplicate\`. Both answers mean the registry has it.

Ordering: operations on one subject (an artisan’s profile, photo or PVC order) are sent by a kiosk in the order they were made, and a later one is never sent while an earlier one is still pending. The registry also applies a profile change or a photo only if its \`at\` is not older than the last one it applied for that artisan (an older one is acknowledged as \`applied\` and kept, but does not overwrite newer data).

A 500 may come after the operations were applied: send the same operations again, with the same keys. A request body is limited to 4 MiB; the reference server closes the connection on a larger one, without an answer.`;

/**
 * The registry API as an OpenAPI 3.1 document. Paths and words are written here; the
 * schemas are generated from the zod wire schemas that the client and the server use
 * (openapi-components.ts), so the document cannot drift from the code. `npm run -s cli --
 * registry-openapi` prints it; main/registry/openapi.json is its committed copy (a test keeps
 * the two equal, another lints it, and one checks the reference server's answers against it).
 */
export function registryOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'CMA registry API for front-desk kiosks',
      version: '1.0.0',
      description:
        'What a CMA card kiosk needs from the chamber’s registry: a changes feed of artisans to keep a local copy, one artisan by RM number, accounts, card links, and an operations endpoint for the kiosk’s writes (applied once per idempotency key). Field names follow INPI’s RNE and the former CMA RNM feed. Every error answer of the API has the body `{"error":{"code","message"}}`.',
    },
    servers: [{ url: 'http://127.0.0.1:{port}', description: 'The reference server (main/demo-registry)', variables: { port: { default: '8099' } } }],
    tags: [
      { name: 'service', description: 'Health and the kiosk’s access token.' },
      { name: 'artisans', description: 'The registry’s artisans: the changes feed a kiosk syncs from, and one artisan by RM number.' },
      { name: 'accounts', description: 'Artisans’ online accounts (online only: a kiosk never stores a password).' },
      { name: 'cards', description: 'Card PDFs handed to a phone, and the chamber’s card-signing public keys.' },
      { name: 'operations', description: 'The kiosk’s writes, delivered through its outbox.' },
      { name: 'pages', description: 'Pages a person opens from a link (e-mail or QR code): no token, HTML or PDF.' },
    ],
    components: {
      securitySchemes: {
        kioskToken: { type: 'http', scheme: 'bearer', description: 'An access token from POST /v1/auth/token. Expired or revoked: 401, get a new one.' },
      },
      schemas: componentSchemas(),
      responses: componentResponses,
      parameters: componentParameters,
    },
    paths: {
      '/v1/health': {
        get: {
          operationId: 'getHealth',
          tags: ['service'],
          summary: 'Is the registry up, and how many artisans it holds',
          security: open,
          responses: { 200: { description: 'Up', content: json('Health') }, 500: responseRef('ServerError') },
        },
      },
      '/v1/auth/token': {
        post: {
          operationId: 'createAccessToken',
          tags: ['service'],
          summary: 'Exchange the kiosk’s id and secret for an access token',
          security: open,
          requestBody: { required: true, content: json('TokenRequest') },
          responses: {
            200: { description: 'A token and when it expires', content: json('TokenResponse') },
            400: errorResponse('kioskId and secret are missing or malformed', 'BAD_REQUEST'),
            401: errorResponse('Unknown kiosk or wrong secret', 'BAD_CREDENTIALS'),
            500: responseRef('ServerError'),
          },
        },
      },
      '/v1/artisans/changes': {
        get: {
          operationId: 'listArtisanChanges',
          tags: ['artisans'],
          summary: 'Artisans changed after a cursor, in server-sequence order, with tombstones',
          description: CHANGES_DESCRIPTION,
          security: bearer,
          parameters: [
            {
              name: 'after',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              description: 'Opaque cursor of the previous page; absent (or empty) for the start.',
            },
            {
              name: 'limit',
              in: 'query',
              required: false,
              description: 'Rows wanted; a value out of range is brought within it.',
              schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE },
            },
          ],
          responses: {
            200: { description: 'One page', content: json('ChangesPage') },
            400: errorResponse('The cursor was not made by this registry: start again from the beginning (no `after`).', 'BAD_CURSOR'),
            ...tokenAnswers,
          },
        },
      },
      '/v1/artisans/{rmNumber}': {
        parameters: [rmNumber],
        get: {
          operationId: 'getArtisan',
          tags: ['artisans'],
          summary: 'One artisan by normalised RM number',
          security: bearer,
          responses: {
            200: { description: 'The artisan, with named fields', content: json('Artisan') },
            404: errorResponse('No artisan with this number (or it was removed)', 'NOT_FOUND'),
            ...tokenAnswers,
          },
        },
      },
      '/v1/artisans/{rmNumber}/photo': {
        parameters: [rmNumber],
        get: {
          operationId: 'getArtisanPhoto',
          tags: ['artisans'],
          summary: 'The artisan’s ID photo, the newest a kiosk delivered',
          description:
            'The photo is the artisan’s until replaced: a kiosk takes it (a `photo` operation, payload PhotoChange) and every kiosk of the chamber gets it back here, for the artisan’s card at the next visit or at the desk. The newest by `takenAt` wins. A kiosk that still holds a newer photo of its own, not yet delivered, uses that one.',
          security: bearer,
          responses: {
            200: { description: 'The photo', content: json('ArtisanPhoto') },
            404: errorResponse('No artisan with this number (`NOT_FOUND`), or no photo yet (`NO_PHOTO`)', 'NOT_FOUND', 'NO_PHOTO'),
            ...tokenAnswers,
          },
        },
      },
      '/v1/accounts/activate': {
        post: {
          operationId: 'activateAccount',
          tags: ['accounts'],
          summary: 'Create the pending account of an artisan the kiosk identified, and send the confirmation e-mail',
          description: 'The password is checked against the CNIL rules again and kept only as a scrypt hash. The e-mail holds a link valid 24 hours.',
          security: bearer,
          requestBody: { required: true, content: json('ActivateRequest') },
          responses: {
            201: {
              description:
                'Pending; the e-mail is sent to `email`, the address of the request (normalised). A kiosk takes any other answer (not `pending`, another address) as one it cannot trust, and the account as not confirmed.',
              content: json('AccountStatus'),
            },
            400: errorResponse(
              'The request is malformed, the e-mail address invalid, or the password too weak',
              'BAD_REQUEST',
              'EMAIL_INVALID',
              'PASSWORD_WEAK',
            ),
            404: errorResponse('No such artisan', 'NOT_FOUND'),
            409: errorResponse('The artisan has an active account, or the address belongs to another one', 'ACCOUNT_EXISTS', 'EMAIL_TAKEN'),
            410: errorResponse('The artisan is radiated', 'RADIATED'),
            ...tokenAnswers,
          },
        },
      },
      '/v1/accounts/{rmNumber}/status': {
        parameters: [rmNumber],
        get: {
          operationId: 'getAccountStatus',
          tags: ['accounts'],
          summary: 'Whether the artisan has no account, a pending one, or an active one',
          description:
            'A confirmation is for good: once `active`, never `pending` or `none` again. `email` is where the pending link went, or the active account’s address. A kiosk that hears otherwise in a visit (a status going back, `active` for another address than its link went to, an answer off this schema) no longer believes the registry about that account for the visit.',
          security: bearer,
          responses: { 200: { description: 'The status (`none` for an unknown number too)', content: json('AccountStatus') }, ...tokenAnswers },
        },
      },
      '/v1/accounts/{rmNumber}/resend': {
        parameters: [rmNumber],
        post: {
          operationId: 'resendConfirmation',
          tags: ['accounts'],
          summary: 'Send the confirmation e-mail again',
          security: bearer,
          responses: {
            200: { description: 'Sent', content: json('ResendResponse') },
            409: errorResponse('No pending account for this number', 'NOT_PENDING'),
            ...tokenAnswers,
          },
        },
      },
      '/v1/accounts/{rmNumber}/activation-email': {
        parameters: [rmNumber],
        post: {
          operationId: 'changeActivationEmail',
          tags: ['accounts'],
          summary: 'Send a pending activation’s link to another address (“Ce n’est pas mon adresse”)',
          description:
            'For an artisan whose activation waits for its link and who typed a wrong address. The date of birth must be the register’s. The link sent before stops working at once (a page that says so), and a new confirmation e-mail, valid 24 hours, goes to the new address.',
          security: bearer,
          requestBody: { required: true, content: json('ActivationEmailRequest') },
          responses: {
            200: { description: 'The new link is sent to this address', content: json('ResendResponse') },
            400: errorResponse('The request is malformed, or the new address is not an e-mail address', 'BAD_REQUEST', 'EMAIL_INVALID'),
            403: errorResponse('The date of birth is not the register’s for this number', 'IDENTITY_MISMATCH'),
            404: errorResponse('No such artisan', 'NOT_FOUND'),
            409: errorResponse(
              'The account is active already, there is no activation waiting, the address is the one the link went to, or it belongs to another account',
              'ACCOUNT_EXISTS',
              'NOT_PENDING',
              'EMAIL_UNCHANGED',
              'EMAIL_TAKEN',
            ),
            ...tokenAnswers,
          },
        },
      },
      '/v1/accounts/{rmNumber}/profile': {
        parameters: [rmNumber],
        get: {
          operationId: 'getAccountProfile',
          tags: ['accounts'],
          summary: 'Contact details of an account',
          security: bearer,
          responses: {
            200: { description: 'The details', content: json('Profile') },
            404: errorResponse('No account for this number', 'NOT_FOUND'),
            ...tokenAnswers,
          },
        },
      },
      '/v1/accounts/login': {
        post: {
          operationId: 'logIn',
          tags: ['accounts'],
          summary: 'Check an artisan’s e-mail and password',
          description: 'Five failures lock the account for 15 minutes. 422, not 401: 401 is about the kiosk’s own token.',
          security: bearer,
          requestBody: { required: true, content: json('LoginRequest') },
          responses: {
            200: { description: 'Whose account', content: json('LoginResponse') },
            400: errorResponse('email and password are required', 'BAD_REQUEST'),
            422: { description: 'Wrong e-mail or password', content: json('LoginFailed') },
            423: { description: 'Locked after too many failures', content: json('LoginLocked') },
            ...tokenAnswers,
          },
        },
      },
      '/v1/accounts/password-reset': {
        post: {
          operationId: 'requestPasswordReset',
          tags: ['accounts'],
          summary: 'Send a reset link if the address has an active account; the answer is the same either way',
          security: bearer,
          requestBody: { required: true, content: json('ForgotRequest') },
          responses: { 202: { description: 'Accepted', content: json('Accepted') }, 400: errorResponse('email is required', 'BAD_REQUEST'), ...tokenAnswers },
        },
      },
      '/v1/cards/links': {
        post: {
          operationId: 'createCardLink',
          tags: ['cards'],
          summary: 'Make a one-time download link for a card PDF, for the artisan’s phone',
          description:
            'The link (GET /cards/download?token=…) is on the registry’s own address (the one kiosks call), serves the PDF once and expires after 15 minutes. A kiosk shows no link elsewhere, or one whose expiresAt (an instant with its zone) is past or more than an hour ahead.',
          security: bearer,
          requestBody: { required: true, content: json('CardLinkRequest') },
          responses: {
            201: { description: 'The link', content: json('CardLinkResponse') },
            400: errorResponse('rmNumber and pdf are required', 'BAD_REQUEST'),
            ...tokenAnswers,
          },
        },
      },
      '/v1/card-keys': {
        get: {
          operationId: 'listCardKeys',
          tags: ['cards'],
          summary: 'The chamber’s card-signing public keys, for anyone to verify a card',
          description:
            'Open to all (public keys only): kiosks fetch it at each sync so that a card from any kiosk of the chamber verifies at every other, offline; the verification page (GET /v) embeds it. A key with `revokedAt` is withdrawn: every card it signed is refused. Rotation: a kiosk with a new key registers it (PUT /v1/card-keys/{kid}); the old one stays listed, valid, until the chamber revokes it.',
          security: open,
          responses: {
            200: { description: 'The keys, in the order the registry learnt them', content: json('CardKeys') },
            500: responseRef('ServerError'),
          },
        },
      },
      '/v1/card-keys/{kid}': {
        put: {
          operationId: 'registerCardKey',
          tags: ['cards'],
          summary: 'Register the kiosk’s card-signing public key with the chamber',
          description:
            'Idempotent: the same key again answers 200 with what the registry holds (a revoked key stays revoked). `kid` must be the id of the key sent (first 8 bytes of the SHA-256 of its SPKI DER, hex), else 400 KEY_ID_MISMATCH.',
          security: bearer,
          parameters: [
            { name: 'kid', in: 'path', required: true, description: 'The key’s id: 16 hex digits.', schema: { type: 'string', pattern: '^[0-9a-f]{16}$' } },
          ],
          requestBody: { required: true, content: json('CardKeyRegistration') },
          responses: {
            200: { description: 'Already registered: the key as the registry holds it', content: json('CardKey') },
            201: { description: 'Registered', content: json('CardKey') },
            400: errorResponse('Not an Ed25519 key, or not the key of this id', 'BAD_REQUEST', 'KEY_ID_MISMATCH'),
            ...tokenAnswers,
          },
        },
      },
      '/v1/operations': {
        post: {
          operationId: 'deliverOperations',
          tags: ['operations'],
          summary: 'Deliver the kiosk’s writes: profile changes, photos, card issuances, PVC order events, audit events',
          description: OPERATIONS_DESCRIPTION,
          security: bearer,
          requestBody: { required: true, content: json('OperationsRequest') },
          responses: {
            200: { description: 'What became of each operation, in the order sent', content: json('OperationsResponse') },
            400: errorResponse('The request does not match the schema (the message lists the fields)', 'BAD_REQUEST'),
            503: errorResponse(
              'An operation could not take effect now (the mail server refused the card’s e-mail): it and the ones after it in the request were not kept; send them again later, with the same keys',
              'UNAVAILABLE',
            ),
            ...tokenAnswers,
          },
        },
      },
      '/confirm': {
        get: {
          operationId: 'confirmEmail',
          tags: ['pages'],
          summary: 'The link of a confirmation e-mail: activates the account, or confirms a new address',
          security: open,
          parameters: [linkToken('confirmation e-mail')],
          responses: { 200: html('Confirmed'), 400: html('The link was used already or has expired'), 500: responseRef('ServerError') },
        },
      },
      '/reset': {
        get: {
          operationId: 'showPasswordResetForm',
          tags: ['pages'],
          summary: 'The link of a reset e-mail: the form for a new password',
          description: 'The token is checked when the form is sent.',
          security: open,
          parameters: [linkToken('reset e-mail')],
          responses: { 200: html('The form'), 500: responseRef('ServerError') },
        },
        post: {
          operationId: 'resetPassword',
          tags: ['pages'],
          summary: 'Set the new password',
          security: open,
          parameters: [linkToken('reset e-mail')],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { password: { type: 'string' } }, required: ['password'] } },
            },
          },
          responses: {
            200: html('Changed; or the form again when the password is too weak'),
            400: html('The link was used already or has expired'),
            500: responseRef('ServerError'),
          },
        },
      },
      '/v': {
        get: {
          operationId: 'showCardVerificationPage',
          tags: ['pages'],
          summary: 'The chamber’s card verification page, which a card’s QR code opens',
          description:
            'A card’s QR code holds `<this URL>#CMA1.<payload>.<signature>`: the token is in the fragment, which a browser never sends. The page embeds the chamber’s public keys and checks the Ed25519 signature in the browser (WebCrypto), so it needs no network once loaded; it shows “Carte valide” with the card’s fields or “Carte non valide” with why, in French with an English switch. A strict Content-Security-Policy allows only its own inline script and style.',
          security: open,
          responses: { 200: html('The page'), 500: responseRef('ServerError') },
        },
      },
      '/cards/download': {
        get: {
          operationId: 'downloadCard',
          tags: ['pages'],
          summary: 'The card PDF behind a one-time link (POST /v1/cards/links), served once',
          security: open,
          parameters: [linkToken('link')],
          responses: {
            200: { description: 'The card', content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } } },
            410: html('The link was used already or has expired'),
            500: responseRef('ServerError'),
          },
        },
      },
    },
  };
}
