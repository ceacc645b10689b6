import type { Protocol } from 'electron';
import { contentTypeOf, readRendererFile, resolveRendererFile, SECURITY_HEADERS } from '../renderer-files.ts';
import { APP_SCHEME } from './policy.ts';

/** Must run before app 'ready': app:// behaves like https (secure context, fetch, storage). */
export const APP_SCHEME_PRIVILEGES = [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }];

/**
 * Serves the built renderer from `root` on app://kiosk/, with the CSP on every response.
 * Paths that leave `root` are refused (resolveRendererFile), so app:// cannot read the disk.
 */
export function registerAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(root, new URL(request.url).pathname);
    // Anything but "no such file" rejects: Electron answers the request as failed (net::ERR_FAILED).
    const body = file ? await readRendererFile(file) : null;
    if (!file || !body) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) } });
  });
}
