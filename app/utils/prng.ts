/**
 * Seeded pseudo-random numbers for reproducible sampling.
 *
 * Why these two: a run must pick the same conversations whenever it is replayed with its stored seed, on
 * any machine and any Node version, so Math.random (unseedable) and crypto (not replayable) are out.
 * cyrb128 turns an arbitrary string seed into 128 well-mixed bits, and sfc32 ("small fast counting")
 * is a 128-bit-state generator that passes PractRand/BigCrush while using only 32-bit integer maths,
 * which JavaScript evaluates identically everywhere. Not cryptographic — nobody needs to be unable to
 * predict a QA sample, only to be able to replay it.
 */

/** 128-bit string hash (four 32-bit words). */
export function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 over the given state; returns floats in [0, 1). */
export function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

/** A generator for the seed. The first outputs are discarded: sfc32 needs a few rounds to mix its state. */
export function createRng(seed: string): Rng {
  const next = sfc32(...cyrb128(seed));
  for (let i = 0; i < 15; i += 1) next();
  return next;
}

/** Uniform integer in [0, bound). */
export function randomInt(rng: Rng, bound: number): number {
  return Math.floor(rng() * bound);
}

/** A fresh seed for a new run: short, readable and safe to show and type back in. */
export function newSeed(random: () => number = Math.random): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  let seed = "";
  for (let i = 0; i < 12; i += 1) seed += alphabet[Math.floor(random() * alphabet.length)];
  return seed;
}
