/**
 * Password hashes: verifiable, salted, and within the 100,000 iterations per PBKDF2 call that Cloudflare Workers allow.
 */
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/auth/passwords.js';

describe('password hashes', () => {
  it('verify the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', a)).toBe(false);
    expect(await verifyPassword('correct horse battery staple', 'pbkdf2-sha256$1$x$y')).toBe(false);
  });

  it('spend at least 600,000 iterations in calls of at most 100,000', async () => {
    const [, rounds, perRound] = (await hashPassword('x')).split('$').map(Number);
    expect(perRound).toBeLessThanOrEqual(100_000);
    expect(rounds! * perRound!).toBeGreaterThanOrEqual(600_000);
  });
});
