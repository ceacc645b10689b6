import type http from 'node:http';
import type { DemoMailbox, MailboxAccess, MailboxEntry } from './demo-mailbox.ts';

/**
 * The demo mailbox's pages: `/demo/mailbox/<token>` (one recipient's mail about one account)
 * and `/demo/mailbox/<token>/attachment/<id>` (a card PDF of that mailbox). The token is the
 * whole capability; the address is never in the URL. A missing, malformed, unknown or expired
 * token gets one and the same answer, which says nothing of why or of whose.
 */

const MAILBOX = /^\/demo\/mailbox(?:\/([^/]*))?(?:\/attachment\/(\d{1,12}))?\/?$/;

/** What every mailbox answer carries: never cached, never indexed, never referred onwards, never framed. */
export const MAILBOX_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store, private',
  Pragma: 'no-cache',
  'X-Robots-Tag': 'noindex, nofollow, noarchive, nosnippet',
  // A followed confirmation link must not carry the mailbox's address (its token) in a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1b1b1b}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}li{margin:1rem 0;padding:.75rem;border:1px solid #ccc;border-radius:6px;list-style:none}ul{padding:0}a{display:inline-block;font-size:1.1rem;min-height:44px;line-height:44px}.en{border-top:1px solid #ccc;margin-top:2rem}';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: http.ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, {
    ...MAILBOX_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  });
  res.end(
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow, noarchive"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`,
  );
}

/** The answer to every link that opens nothing: the same words, whatever was wrong with it. */
function refused(res: http.ServerResponse): void {
  page(
    res,
    404,
    'Lien de boîte mail non valable — Mailbox link not valid',
    '<main><h1>Ce lien de boîte mail n’est pas valable</h1><p>Il est incomplet, il a expiré, ou il n’a jamais existé. Pour lire vos e-mails de démonstration, scannez à nouveau le code affiché sur l’écran de la borne, ou demandez de l’aide à l’accueil.</p>' +
      '<section class="en" lang="en"><h2>This mailbox link is not valid</h2><p>It is incomplete, it has expired, or it never existed. To read your demo e-mails, scan the code shown on the kiosk’s screen again, or ask the front desk for help.</p></section></main>',
  );
}

// The registry of a French chamber: its mail is dated as a person at the desk reads a clock, in
// French and Paris time, whatever the server's own zone ("14 juillet 2026 à 10:05").
const SENT_AT = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

/** When a mail was sent, in words: "le 14 juillet 2026 à 10:05" (Europe/Paris); the stored value itself if it is not a date. */
export function sentAtWords(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `le ${SENT_AT.format(at)}`;
}

function item(token: string, m: MailboxEntry): string {
  const action = m.attachmentName
    ? `<a href="/demo/mailbox/${token}/attachment/${m.id}">Pièce jointe : ${escapeHtml(m.attachmentName)}</a>`
    : `<a href="${escapeHtml(m.link)}">${m.link.includes('/reset') ? 'Choisir un nouveau mot de passe' : 'Ouvrir le lien de confirmation'}</a>`;
  return `<li><strong>${escapeHtml(m.subject)}</strong><br>À : ${escapeHtml(m.to)} — envoyé <time datetime="${escapeHtml(m.sentAt)}">${escapeHtml(sentAtWords(m.sentAt))}</time><br>${action}</li>`;
}

function listing(res: http.ServerResponse, token: string, access: MailboxAccess, mails: MailboxEntry[]): void {
  page(
    res,
    200,
    'Vos e-mails de démonstration — Your demo e-mails',
    `<main><h1>Vos e-mails de démonstration</h1><p>Les e-mails que le registre de démonstration a envoyés à ${escapeHtml(access.recipient)} pour votre compte, et à personne d’autre. Ce lien s’arrête de fonctionner au bout d’une heure.</p>` +
      `<ul>${mails.map((m) => item(token, m)).join('') || '<li>Aucun e-mail pour l’instant. Rechargez la page dans un moment.</li>'}</ul>` +
      `<section class="en" lang="en"><h2>Your demo e-mails</h2><p>The e-mails the demo registry sent to ${escapeHtml(access.recipient)} for your account, and to nobody else (listed above, in French). This link stops working after an hour.</p></section></main>`,
  );
}

/** Answers the mailbox's paths; false when the path is not one of them. */
export async function mailboxPages(mailbox: DemoMailbox, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
  const m = MAILBOX.exec(url.pathname);
  if (!m) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    refused(res);
    return true;
  }
  const token = m[1] ?? '';
  const access = await mailbox.open(token);
  if (!access) {
    refused(res);
    return true;
  }
  if (m[2] === undefined) {
    listing(res, token, access, await mailbox.list(access));
    return true;
  }
  const a = await mailbox.attachment(access, Number(m[2]));
  if (!a) {
    refused(res);
    return true;
  }
  res.writeHead(200, {
    ...MAILBOX_HEADERS,
    'Content-Type': a.contentType,
    'Content-Disposition': `attachment; filename="${a.filename.replace(/[^\w.-]/g, '_')}"`,
  });
  res.end(a.content);
  return true;
}
