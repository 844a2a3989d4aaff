/**
 * The seeded generator of the randomised tests, so that a failing sequence can be replayed
 * from its seed: `@olva/schema`'s `seededRandom` (mulberry32, numbers in [0, 1)), the same one
 * the demo's generated responses draw from, under the name the tests use.
 */
export { seededRandom as prng } from '@olva/schema';
