/**
 * The project's one seeded pseudo-random generator (mulberry32): the demo's generated
 * responses (`olva demo --seed-responses`) and the randomised tests (through
 * `@olva/test-support/prng`) draw from it, so that a sequence is replayed from its seed.
 * Not for anything secret: use `crypto` for tokens and ids that must not be guessed.
 */

/**
 * A generator of numbers in [0, 1) that depends only on `seed`.
 *
 * Contract: the same seed gives the same sequence, on every platform and in every version
 * (the demo derives its submission ids from it, so that seeding twice stores nothing new);
 * the seed is read as an unsigned 32-bit integer (`seed >>> 0`: `1` and `2 ** 32 + 1` give
 * the same sequence); each call returns a multiple of 2⁻³² in [0, 1). Each generator keeps
 * its own state.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
