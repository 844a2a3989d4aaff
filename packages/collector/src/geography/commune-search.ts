/**
 * Finding a current commune (COG of the year `@etalab/decoupage-administratif` carries) by
 * its name, one of its postcodes, or its INSEE code, for the commune picker of the embed
 * and for checking `commune` answers. The search index (about 35,000 entries: folded names,
 * word starts, codes, postcodes; about 16 MB of heap) is built once per process, on the first
 * search, from the list `territories.ts` already loads: building it takes from a few hundred
 * milliseconds to 2 s on a busy machine, which a collector that never serves the picker
 * (and every test that starts one) should not pay. Checking answers needs only the codes.
 */
import { currentCommunes } from '../territories.js';

/** A commune as the API gives it. */
export interface Commune {
  /** INSEE code (COG), e.g. `35238`. */
  code: string;
  /** Official name, e.g. `Rennes`. */
  name: string;
  /** Its postcodes (a commune may have several, and a postcode cover several communes). */
  postcodes: string[];
  /** Code of its département, e.g. `35`, `2A`, `971`. */
  departement: string;
}

/** Most communes a search returns. */
export const MAX_COMMUNE_RESULTS = 20;

interface Entry {
  commune: Commune;
  /** The folded name (see `foldCommuneName`). */
  folded: string;
  /** The folded name with a space before, to find word starts with one `includes`. */
  spaced: string;
  /** Position in result order. */
  rank: number;
}

interface Index {
  /** Most populous first, then by name: the order results are given in. */
  entries: Entry[];
  byCode: Map<string, Entry>;
  byName: Map<string, Entry[]>;
  /**
   * The entries having a word that starts with these one or two characters, in result
   * order: a name search tests only those instead of every commune.
   */
  byWordStart: Map<string, Entry[]>;
  byPostcode: Map<string, Entry[]>;
}

let index: Index | undefined;

/** Words written short in commune names, folded to the long form on both sides. */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/**
 * A name or query folded for comparison: lower case, no accents (é → e, œ → oe), and every
 * run of hyphens, apostrophes, spaces and other punctuation turned into one space.
 */
export function foldCommuneName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The folded text with its short words (st, ste) written out. */
function expand(folded: string): string {
  return folded.split(' ').map((w) => ABBREVIATIONS[w] ?? w).join(' ');
}

function build(): Index {
  const withPopulation = currentCommunes().map((c) => {
    const folded = expand(foldCommuneName(c.nom));
    const entry: Entry = {
      commune: { code: c.code, name: c.nom, postcodes: [...(c.codesPostaux ?? [])], departement: c.departement },
      folded,
      spaced: ` ${folded}`,
      rank: 0,
    };
    return { entry, population: c.population ?? -1 };
  });
  // Ties (and the few communes without a population) by folded name: a collator costs more.
  withPopulation.sort((a, b) => b.population - a.population || (a.entry.folded < b.entry.folded ? -1 : a.entry.folded > b.entry.folded ? 1 : 0));
  const entries = withPopulation.map((e, rank) => Object.assign(e.entry, { rank }));
  const byCode = new Map<string, Entry>();
  const byName = new Map<string, Entry[]>();
  const byPostcode = new Map<string, Entry[]>();
  const byWordStart = new Map<string, Entry[]>();
  const add = (map: Map<string, Entry[]>, key: string, entry: Entry) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  for (const entry of entries) {
    byCode.set(entry.commune.code, entry);
    add(byName, entry.folded, entry);
    for (const postcode of entry.commune.postcodes) add(byPostcode, postcode, entry);
    const starts = new Set(entry.folded.split(' ').flatMap((w) => [w.slice(0, 1), w.slice(0, 2)]));
    for (const start of starts) add(byWordStart, start, entry);
  }
  return { entries, byCode, byName, byPostcode, byWordStart };
}

function communeIndex(): Index {
  index ??= build();
  return index;
}

let currentCodes: Set<string> | undefined;

/** The current commune with this INSEE code, or undefined. */
export function findCommune(code: string): Commune | undefined {
  return communeIndex().byCode.get(code.toUpperCase())?.commune;
}

/**
 * The current communes with exactly this name, case, accents, punctuation and "St"/"Ste"
 * folded (`Saint-Malo`, `st malo`), most populous first: several for a name many communes share.
 */
export function communesNamed(name: string): Commune[] {
  return (communeIndex().byName.get(expand(foldCommuneName(name))) ?? []).map((e) => e.commune);
}

/** True when `code` is the INSEE code of a current commune. */
export function isCurrentCommune(code: string): boolean {
  // Checking answers needs only the codes, not the search index.
  currentCodes ??= new Set(currentCommunes().map((c) => c.code));
  return currentCodes.has(code);
}

/** The current communes whose postcodes include `postcode` (most populous first). */
export function communesWithPostcode(postcode: string): Commune[] {
  return (communeIndex().byPostcode.get(postcode) ?? []).map((e) => e.commune);
}

const CODE_LIKE = /^(?:\d{5}|2[AB]\d{3})$/i;

/**
 * Up to `limit` current communes matching `query`:
 * - five characters shaped like a code (`35000`, `2A004`): the commune with that INSEE code,
 *   then the communes with that postcode;
 * - otherwise by name, case, accents and punctuation ignored, `st`/`ste` read as
 *   `saint`/`sainte`: the exact name first, then names starting with the query, then names
 *   with a word starting with it; each group most populous first.
 */
export function searchCommunes(query: string, limit = 10): Commune[] {
  const max = Math.max(1, Math.min(MAX_COMMUNE_RESULTS, Math.floor(limit)));
  const { byCode, byName, byPostcode, byWordStart } = communeIndex();
  const trimmed = query.trim();
  if (CODE_LIKE.test(trimmed)) {
    const code = trimmed.toUpperCase();
    const found = [byCode.get(code), ...(byPostcode.get(code) ?? [])].filter((e): e is Entry => e !== undefined);
    return [...new Set(found)].slice(0, max).map((e) => e.commune);
  }
  const folded = foldCommuneName(trimmed);
  if (!folded) return [];
  // While a word is being typed, "ste" may be the start of "Stenay" as well as "Sainte-…".
  const variants = [...new Set([expand(folded), folded])];
  const exact = new Set(variants.flatMap((v) => byName.get(v) ?? []));
  const starts = variants.map((v) => ` ${v}`);
  const candidates = [...new Set(variants.flatMap((v) => byWordStart.get(v.split(' ')[0].slice(0, 2)) ?? []))];
  if (variants.length > 1) candidates.sort((a, b) => a.rank - b.rank);
  const prefix: Entry[] = [];
  const word: Entry[] = [];
  // Candidates are in result order: stop as soon as both groups are full.
  for (let i = 0; i < candidates.length && (prefix.length < max || word.length < max); i++) {
    const entry = candidates[i];
    if (exact.has(entry)) continue;
    let isPrefix = false;
    let isWord = false;
    for (let v = 0; v < variants.length; v++) {
      if (entry.folded.startsWith(variants[v])) isPrefix = true;
      else if (entry.spaced.includes(starts[v])) isWord = true;
    }
    if (isPrefix) {
      if (prefix.length < max) prefix.push(entry);
    } else if (isWord && word.length < max) word.push(entry);
  }
  return [...exact, ...prefix, ...word].slice(0, max).map((e) => e.commune);
}
