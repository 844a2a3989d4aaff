/**
 * What a territory code is when it is not a code of the level it was given at: a commune's
 * INSEE code written where an EPCI's SIREN is expected is the most common slip of a new
 * territorial developer, and "not an EPCI code" alone does not tell them what to write.
 */
import { findEpci, officialName, type OfficialLevel } from './index.js';
import { officialRows } from '../geography.js';
import { TERRITORY_LEVELS } from '@olva/schema';

/** A text in both languages (French first). */
interface Bilingual { fr: string; en: string }

const LEVEL_WORDS: Record<OfficialLevel, Bilingual> = {
  commune: { fr: 'le code INSEE de la commune', en: 'the INSEE code of the commune' },
  epci: { fr: 'le SIREN de l’EPCI', en: 'the SIREN of the EPCI' },
  departement: { fr: 'le code du département', en: 'the code of the département' },
  region: { fr: 'le code de la région', en: 'the code of the région' },
};

const EXPECTED: Record<OfficialLevel, Bilingual> = {
  commune: { fr: 'un code INSEE de commune', en: 'a commune INSEE code' },
  epci: { fr: 'un SIREN d’EPCI (9 chiffres)', en: 'an EPCI SIREN (9 digits)' },
  departement: { fr: 'un code de département', en: 'a département code' },
  region: { fr: 'un code de région', en: 'a région code' },
};

let epciByCommune: Map<string, string> | undefined;

/** The SIREN of the EPCI a current commune belongs to, if any. */
export function epciOfCommune(code: string): string | undefined {
  if (!epciByCommune) {
    epciByCommune = new Map();
    for (const e of officialRows<{ code: string; membres: { code: string }[] }>('epci')) {
      for (const m of e.membres) epciByCommune.set(m.code, e.code);
    }
  }
  return epciByCommune.get(code);
}

/**
 * When `code` is not a code of `level` but is the code of a territory at another level, says
 * which one and what to write instead (for a commune given as an EPCI: the SIREN of its EPCI).
 * Undefined when the code is valid at `level`, or unknown at every level.
 */
export function misplacedCode(level: OfficialLevel, code: string): Bilingual | undefined {
  if (officialName(level, code) !== undefined) return undefined;
  for (const other of TERRITORY_LEVELS) {
    if (other === level || other === 'custom') continue;
    const name = officialName(other, code);
    if (name === undefined) continue;
    const said = { fr: `"${code}" est ${LEVEL_WORDS[other].fr} ${name}, pas ${EXPECTED[level].fr}`, en: `"${code}" is ${LEVEL_WORDS[other].en} ${name}, not ${EXPECTED[level].en}` };
    const siren = level === 'epci' && other === 'commune' ? epciOfCommune(code) : undefined;
    if (siren) {
      const epci = findEpci(siren)!.nom;
      return {
        fr: `${said.fr} ; cette commune appartient à ${epci} (SIREN ${siren}) : écrivez "epci" avec "${siren}", ou "commune" avec "${code}"`,
        en: `${said.en}; this commune belongs to ${epci} (SIREN ${siren}): write "epci" with "${siren}", or "commune" with "${code}"`,
      };
    }
    return { fr: `${said.fr} : écrivez le niveau "${other}" avec ce code, ou ${EXPECTED[level].fr}`, en: `${said.en}: write the level "${other}" with this code, or ${EXPECTED[level].en}` };
  }
  return undefined;
}
