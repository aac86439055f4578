/**
 * Password hashing with PBKDF2-SHA256 through `crypto.subtle` (a deliberately slow hash, available on Node and
 * Workers alike; scrypt and argon2 are not in Web Crypto). Stored as `pbkdf2-sha256$<iterations>$<salt>$<hash>`.
 */

/** OWASP's recommendation for PBKDF2-HMAC-SHA256 (2023). The count is stored with each hash, so it can be raised. */
const ITERATIONS = 600_000;
const encoder = new TextEncoder();

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, key, 256);
  return new Uint8Array(bits);
}

/**
 * @example
 * const stored = await hashPassword('correct horse battery staple');
 * await verifyPassword('correct horse battery staple', stored) // true
 */
export async function hashPassword(password: string, iterations = ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${iterations}$${b64(salt)}$${b64(await derive(password, salt, iterations))}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split('$');
  if (scheme !== 'pbkdf2-sha256' || !iterations || !salt || !hash) return false;
  const candidate = await derive(password, unb64(salt), Number(iterations));
  const expected = unb64(hash);
  let diff = candidate.length ^ expected.length;
  for (let i = 0; i < Math.min(candidate.length, expected.length); i++) diff |= candidate[i]! ^ expected[i]!;
  return diff === 0;
}
