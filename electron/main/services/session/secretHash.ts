/**
 * Passwords and PINs are never stored as such: scrypt with a per-secret salt
 * makes a copied database slow to attack, and the cost parameters are kept
 * with each hash so they can be raised later without breaking old accounts.
 */
import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions
} from 'node:crypto'

const KEY_LENGTH = 32
/** About 50 ms per check on the clinic's computer: cheap for a person, costly for a guesser. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const
/** scrypt needs 128·N·r bytes; leave room above Node's 32 MiB default. */
const MAX_MEMORY = 64 * 1024 * 1024

function scrypt(
  secret: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(secret.normalize('NFC'), salt, keyLength, options, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}

/** `scrypt$N$r$p$<salt hex>$<hash hex>` for a password or PIN. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scrypt(secret, salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEMORY })
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('hex'), hash.toString('hex')].join('$')
}

/** Whether a secret matches a stored hash, compared in constant time; a malformed hash never matches. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number)
  const saltHex = parts[4] ?? ''
  const hashHex = parts[5] ?? ''
  const valid = (value: number | undefined): value is number =>
    value !== undefined && Number.isInteger(value) && value > 0
  if (!valid(N) || !valid(r) || !valid(p) || N > 2 ** 20 || r > 32 || p > 16) return false
  if (!/^[0-9a-f]{32,}$/.test(saltHex) || !/^[0-9a-f]{64}$/.test(hashHex)) return false
  const expected = Buffer.from(hashHex, 'hex')
  const actual = await scrypt(secret, Buffer.from(saltHex, 'hex'), expected.length, {
    N,
    r,
    p,
    maxmem: Math.max(MAX_MEMORY, 256 * N * r)
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * A hash of a random secret nobody knows: an unknown name is checked against
 * it, so a wrong name takes as long to refuse as a wrong password.
 */
export function decoyHash(): Promise<string> {
  return hashSecret(randomBytes(24).toString('base64'))
}
