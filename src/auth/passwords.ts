/**
 * Password hashing with PBKDF2-SHA256 through `crypto.subtle` (a deliberately slow hash available on Node and Workers
 * alike; scrypt and argon2 are not in Web Crypto). Cloudflare Workers refuse more than 100,000 iterations in one
 * call, so the work is chained: each round's output is the next round's key material. Stored as
 * `pbkdf2-sha256-chained$<rounds>$<iterations per round>$<salt>$<hash>`, so the cost can be raised later.
 */

/** 6 × 100,000 = OWASP's 600,000 iterations for PBKDF2-HMAC-SHA256 (2023). */
const ROUNDS = 6;
const ITERATIONS_PER_ROUND = 100_000;
const SCHEME = 'pbkdf2-sha256-chained';
const encoder = new TextEncoder();

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, rounds: number, iterations: number): Promise<Uint8Array> {
  let material: Uint8Array = encoder.encode(password);
  for (let round = 0; round < rounds; round++) {
    const key = await crypto.subtle.importKey('raw', material as Uint8Array<ArrayBuffer>, 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, key, 256);
    material = new Uint8Array(bits);
  }
  return material;
}

/**
 * @example
 * const stored = await hashPassword('correct horse battery staple');
 * await verifyPassword('correct horse battery staple', stored) // true
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, ROUNDS, ITERATIONS_PER_ROUND);
  return `${SCHEME}$${ROUNDS}$${ITERATIONS_PER_ROUND}$${b64(salt)}$${b64(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, rounds, iterations, salt, hash] = stored.split('$');
  if (scheme !== SCHEME || !rounds || !iterations || !salt || !hash) return false;
  if (Number(iterations) > ITERATIONS_PER_ROUND || !(Number(rounds) >= 1)) return false;
  const candidate = await derive(password, unb64(salt), Number(rounds), Number(iterations));
  const expected = unb64(hash);
  let diff = candidate.length ^ expected.length;
  for (let i = 0; i < Math.min(candidate.length, expected.length); i++) diff |= candidate[i]! ^ expected[i]!;
  return diff === 0;
}
