import type http from 'node:http';
import {
  activateRequestSchema,
  activationEmailRequestSchema,
  forgotRequestSchema,
  loginRequestSchema,
  profileChangeSchema,
} from '../registry/accounts-wire.ts';
import type { Operation } from '../registry/wire.ts';
import type { AccountError, Accounts } from './accounts-store.ts';

type Send = (res: http.ServerResponse, status: number, body: string, headers?: Record<string, string>) => void;

const STATUS: Record<AccountError['code'], number> = {
  NOT_FOUND: 404,
  RADIATED: 410,
  ACCOUNT_EXISTS: 409,
  EMAIL_TAKEN: 409,
  EMAIL_INVALID: 400,
  EMAIL_UNCHANGED: 409,
  IDENTITY_MISMATCH: 403,
  PASSWORD_WEAK: 400,
  TOKEN_INVALID: 400,
  NOT_PENDING: 409,
  // Not 401: that status means the kiosk's own token, and makes the client re-authenticate.
  LOGIN_FAILED: 422,
  LOGIN_LOCKED: 423,
};

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** The kiosk-facing accounts endpoints (bearer-authenticated by the caller). Returns false when the path is not one of them. */
export async function accountsApi(
  accounts: Accounts,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
  body: string,
  json: Send,
): Promise<boolean> {
  const answer = <T>(r: { ok: true; value: T } | { ok: false; error: AccountError }, okStatus = 200) => {
    if (r.ok) json(res, okStatus, JSON.stringify(r.value));
    else json(res, STATUS[r.error.code], JSON.stringify({ error: { message: r.error.code, ...r.error } }));
  };
  const badRequest = (message: string) => json(res, 400, JSON.stringify({ error: { code: 'BAD_REQUEST', message } }));
  const m = /^\/v1\/accounts\/([0-9A-Z]{14})\/(status|resend|profile|activation-email)$/.exec(path);
  const route = `${req.method} ${m ? `/v1/accounts/{rm}/${m[2]}` : path}`;
  const rm = m?.[1] ?? '';

  switch (route) {
    case 'POST /v1/accounts/activate': {
      const input = activateRequestSchema.safeParse(parse(body));
      if (!input.success) badRequest('rmNumber, email, mobile and password are required');
      else answer(await accounts.activate(input.data), 201);
      return true;
    }
    case 'GET /v1/accounts/{rm}/status':
      json(res, 200, JSON.stringify(await accounts.status(rm)));
      return true;
    case 'POST /v1/accounts/{rm}/resend':
      answer(await accounts.resend(rm));
      return true;
    case 'POST /v1/accounts/{rm}/activation-email': {
      const input = activationEmailRequestSchema.safeParse(parse(body));
      if (!input.success) badRequest('email and birthDate (YYYY-MM-DD) are required');
      else answer(await accounts.changeActivationEmail(rm, input.data));
      return true;
    }
    case 'GET /v1/accounts/{rm}/profile': {
      const p = await accounts.profile(rm);
      answer(p ? { ok: true, value: p } : { ok: false, error: { code: 'NOT_FOUND' } });
      return true;
    }
    case 'POST /v1/accounts/login': {
      const input = loginRequestSchema.safeParse(parse(body));
      if (!input.success) badRequest('email and password are required');
      else answer(await accounts.login(input.data.email, input.data.password));
      return true;
    }
    case 'POST /v1/accounts/password-reset': {
      const input = forgotRequestSchema.safeParse(parse(body));
      if (!input.success) badRequest('email is required');
      else {
        await accounts.forgotPassword(input.data.email);
        json(res, 202, '{}');
      }
      return true;
    }
    default:
      return false;
  }
}

/** What an applied operation changes in the accounts (profile changes). */
export async function applyAccountOperation(accounts: Accounts, op: Operation): Promise<void> {
  if (op.type !== 'profile-change') return;
  const change = profileChangeSchema.safeParse(op.payload);
  if (change.success) await accounts.applyProfileChange(change.data, op.at);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}li{margin:1rem 0}a{font-size:1.1rem}</style></head><body>${body}</body></html>`;

/** The pages a person opens from an e-mail (confirmation, reset); the demo mailbox's are in mailbox-pages.ts. */
export async function accountsPages(accounts: Accounts, req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: string): Promise<boolean> {
  const html = (status: number, title: string, content: string) => {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // Their address holds a one-time token: not to be indexed, nor passed on in a Referer.
      'X-Robots-Tag': 'noindex, nofollow',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    });
    res.end(page(title, content));
  };
  if (req.method === 'GET' && url.pathname === '/confirm') {
    const r = await accounts.confirm(url.searchParams.get('token') ?? '');
    if (!r.ok)
      html(
        400,
        'Lien expiré',
        '<h1>Ce lien n’est plus valable</h1><p>Il a déjà servi, il a expiré, ou un e-mail plus récent l’a remplacé (après un changement d’adresse, par exemple). Ouvrez le dernier e-mail reçu, ou demandez-en un nouveau depuis la borne ou votre espace.</p>',
      );
    else if (r.value.purpose === 'confirm')
      html(200, 'Compte activé', '<h1>Votre compte est activé</h1><p>Vous pouvez revenir à la borne : elle continue toute seule.</p>');
    else html(200, 'Adresse confirmée', '<h1>Votre nouvelle adresse e-mail est confirmée</h1>');
    return true;
  }
  if (url.pathname === '/reset') {
    const token = url.searchParams.get('token') ?? '';
    if (req.method === 'POST') {
      const r = await accounts.resetPassword(token, new URLSearchParams(body).get('password') ?? '');
      if (r.ok) {
        html(200, 'Mot de passe changé', '<h1>Votre mot de passe est changé</h1>');
        return true;
      }
      if (r.error.code !== 'PASSWORD_WEAK') {
        html(400, 'Lien expiré', '<h1>Ce lien n’est plus valable</h1>');
        return true;
      }
    }
    html(
      200,
      'Nouveau mot de passe',
      `<h1>Choisissez un nouveau mot de passe</h1><p>12 caractères avec majuscule, minuscule, chiffre et caractère spécial, ou 14 sans caractère spécial, ou une phrase de 7 mots.</p><form method="post" action="/reset?token=${escapeHtml(token)}"><label>Nouveau mot de passe <input type="password" name="password" autocomplete="new-password" required></label> <button>Enregistrer</button></form>`,
    );
    return true;
  }
  return false;
}
