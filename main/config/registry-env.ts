import type { RegistryConfig } from '../registry/client.ts';
import { kioskIdOk, REGISTRY_SECRET_MIN, registrySecretOk, registryUrlOk } from '../shared/rules/registry-config.ts';

/**
 * Where a chamber's IT points the kiosk at its registry: KIOSK_REGISTRY_URL and KIOSK_ID,
 * and, once, KIOSK_REGISTRY_SECRET, which the kiosk moves into the OS keychain (after that,
 * staff set it in the console, and the variable can go). Neither URL nor id: the embedded
 * demo registry. One without the other, or a value the console would refuse too (the same
 * rule, main/shared/rules/registry-config.ts): an error that names what is wrong, rather than
 * a demo kiosk where a real one was meant, or a kiosk that fails later where IT cannot see it.
 */
export function registryFromEnv(env: NodeJS.ProcessEnv = process.env): RegistryConfig | undefined {
  const url = env.KIOSK_REGISTRY_URL;
  const kioskId = env.KIOSK_ID;
  const secret = env.KIOSK_REGISTRY_SECRET;
  if (!url && !kioskId) return undefined;
  const missing = [!url && 'KIOSK_REGISTRY_URL', !kioskId && 'KIOSK_ID'].filter(Boolean);
  if (missing.length > 0) throw new Error(`The registry is only partly configured: set ${missing.join(', ')} too, or none of them for the demo registry.`);
  if (!registryUrlOk(url as string)) throw new Error(`KIOSK_REGISTRY_URL must be an https address (plain http only on 127.0.0.1 or localhost), not "${url}".`);
  if (!kioskIdOk(kioskId as string)) throw new Error(`KIOSK_ID may hold only letters, digits, "_", "." and "-" (at most 100, no space), not "${kioskId}".`);
  // Never echoed: a secret in a terminal or a log is a secret no more.
  if (secret && !registrySecretOk(secret))
    throw new Error(`KIOSK_REGISTRY_SECRET is refused: it needs at least ${REGISTRY_SECRET_MIN} characters (at most 200), with no space at either end.`);
  // An empty secret: the one in the keychain.
  return { url: new URL(url as string).toString(), kioskId: kioskId as string, secret: secret ?? '' };
}
