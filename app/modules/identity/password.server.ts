import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps the timing of "no such user" close to "wrong password".
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string) {
  decoyHash ??= hashPassword("decoy-password-never-used");
  await verifyPassword(await decoyHash, password);
  return false;
}
