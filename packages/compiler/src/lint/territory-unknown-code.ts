import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';
import { findCommune, misplacedCode, officialName, type OfficialLevel } from '../territories/index.js';
import { childPointer } from '@olva/schema';

const LEVEL_FR: Record<OfficialLevel, string> = { commune: 'commune (code INSEE)', epci: 'EPCI (SIREN)', departement: 'département (code INSEE)', region: 'région (code INSEE)' };
const LEVEL_EN: Record<OfficialLevel, string> = { commune: 'commune (INSEE code)', epci: 'EPCI (SIREN)', departement: 'département (INSEE code)', region: 'région (INSEE code)' };

/** A commune code that exists only as a former commune gets a hint naming the current one. */
function communeProblem(code: string): [fr: string, en: string] | null {
  const c = findCommune(code);
  if (c && (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')) return null;
  if (c && c.chefLieu) {
    const now = findCommune(c.chefLieu);
    return [`${q(code)} est une ancienne commune (${c.nom}), rattachée à ${now?.nom ?? c.chefLieu} (${c.chefLieu})`, `${q(code)} is a former commune (${c.nom}), now part of ${now?.nom ?? c.chefLieu} (${c.chefLieu})`];
  }
  return [`${q(code)} n’est le code INSEE d’aucune commune`, `${q(code)} is no commune's INSEE code`];
}

/**
 * Responses are aggregated by territory across the network: codes must be the official ones
 * (INSEE COG, SIREN for EPCI) as published in the official geography, not a typo or a postcode.
 */
export const territoryUnknownCode: LintRule = {
  name: 'territory-unknown-code',
  severity: 'error',
  description: { fr: 'Le code du territoire n’est pas un code officiel.', en: 'The territory code is not an official code.' },
  check(ctx) {
    const territory = ctx.extension?.territory as { level?: unknown; code?: unknown; communes?: unknown } | undefined;
    if (!territory || typeof territory.code !== 'string') return [];
    const out: Finding[] = [];
    const level = territory.level;
    const misplaced = level === 'commune' || level === 'epci' || level === 'departement' || level === 'region' ? misplacedCode(level, territory.code) : undefined;
    if (misplaced && !(level === 'commune' && findCommune(territory.code))) {
      // The code exists at another level (a commune's INSEE code given as an EPCI…): say which.
      out.push(finding('extension', '/territory/code', [misplaced.fr, misplaced.en],
        ['le niveau ("level") et le code ("code") du territoire doivent aller ensemble', 'the territory\'s "level" and "code" must go together']));
    } else if (level === 'commune') {
      const problem = communeProblem(territory.code);
      if (problem) out.push(finding('extension', '/territory/code', problem,
        ['utilisez le code INSEE (COG) de la commune, pas son code postal : par ex. 35238 pour Rennes', 'use the commune\'s INSEE (COG) code, not its postcode: e.g. 35238 for Rennes']));
    } else if (level === 'epci' || level === 'departement' || level === 'region') {
      if (officialName(level, territory.code) === undefined) {
        out.push(finding('extension', '/territory/code',
          [`${q(territory.code)} n’est le code d’aucun(e) ${LEVEL_FR[level]}`, `${q(territory.code)} is no ${LEVEL_EN[level]} code`],
          [level === 'epci' ? 'utilisez le numéro SIREN de l’EPCI (9 chiffres), par ex. 200042174 pour Lorient Agglomération' : 'utilisez le code officiel du Code officiel géographique (INSEE)',
            level === 'epci' ? 'use the EPCI\'s SIREN number (9 digits), e.g. 200042174 for Lorient Agglomération' : 'use the official code of the Code officiel géographique (INSEE)']));
      }
    } else if (level === 'custom' && Array.isArray(territory.communes)) {
      territory.communes.forEach((code, i) => {
        if (typeof code !== 'string') return;
        const problem = communeProblem(code);
        if (problem) out.push(finding('extension', childPointer('/territory/communes', i), problem,
          ['chaque commune d’un territoire personnalisé est donnée par son code INSEE (COG) actuel', 'each commune of a custom territory is given by its current INSEE (COG) code']));
      });
    }
    return out;
  },
};
