import { randomBytes } from 'node:crypto';

/** A new session token: 256 bits from the CSPRNG, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}
