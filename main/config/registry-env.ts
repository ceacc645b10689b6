import type { RegistryConfig } from '../registry/client.ts';

/**
 * Where a chamber's IT points the kiosk at its registry: KIOSK_REGISTRY_URL and KIOSK_ID,
 * and, once, KIOSK_REGISTRY_SECRET, which the kiosk moves into the OS keychain (after that,
 * staff set it in the console, and the variable can go). Neither URL nor id: the embedded
 * demo registry. One without the other: an error that names what is missing, rather than a
 * demo kiosk where a real one was meant.
 */
export function registryFromEnv(env: NodeJS.ProcessEnv = process.env): RegistryConfig | undefined {
  const url = env.KIOSK_REGISTRY_URL;
  const kioskId = env.KIOSK_ID;
  const secret = env.KIOSK_REGISTRY_SECRET;
  if (!url && !kioskId) return undefined;
  const missing = [!url && 'KIOSK_REGISTRY_URL', !kioskId && 'KIOSK_ID'].filter(Boolean);
  if (missing.length > 0) throw new Error(`The registry is only partly configured: set ${missing.join(', ')} too, or none of them for the demo registry.`);
  let parsed: URL;
  try {
    parsed = new URL(url as string);
  } catch {
    throw new Error(`KIOSK_REGISTRY_URL is not a URL: "${url}"`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !loopback) throw new Error('KIOSK_REGISTRY_URL must use https (plain http only on loopback).');
  // An empty secret: the one in the keychain.
  return { url: parsed.toString(), kioskId: kioskId as string, secret: secret ?? '' };
}
