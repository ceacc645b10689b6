import type { RegistryConfig } from '../registry/client.ts';

/**
 * Where a chamber's IT points the kiosk at its registry, until the staff console's
 * settings and the OS keychain take over: KIOSK_REGISTRY_URL, KIOSK_ID and
 * KIOSK_REGISTRY_SECRET. None set: the embedded demo registry. Some but not all: an error
 * that names what is missing, rather than a demo kiosk where a real one was meant.
 */
export function registryFromEnv(env: NodeJS.ProcessEnv = process.env): RegistryConfig | undefined {
  const url = env.KIOSK_REGISTRY_URL;
  const kioskId = env.KIOSK_ID;
  const secret = env.KIOSK_REGISTRY_SECRET;
  if (!url && !kioskId) return undefined;
  const missing = [!url && 'KIOSK_REGISTRY_URL', !kioskId && 'KIOSK_ID', !secret && 'KIOSK_REGISTRY_SECRET'].filter(Boolean);
  if (missing.length > 0) throw new Error(`The registry is only partly configured: set ${missing.join(', ')} too, or none of them for the demo registry.`);
  let parsed: URL;
  try {
    parsed = new URL(url as string);
  } catch {
    throw new Error(`KIOSK_REGISTRY_URL is not a URL: "${url}"`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !loopback) throw new Error('KIOSK_REGISTRY_URL must use https (plain http only on loopback).');
  return { url: parsed.toString(), kioskId: kioskId as string, secret: secret as string };
}
