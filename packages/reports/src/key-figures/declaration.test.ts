import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { keyFiguresPath, loadCoreQuestionnaire } from '@olva/core-questionnaire';
import { checkKeyFigures, keyFigureClasses, readKeyFigures } from './declaration.js';
import { ReportError } from '../errors.js';

const core = loadCoreQuestionnaire();
const shipped = () => JSON.parse(readFileSync(keyFiguresPath, 'utf8')) as { pages: { figures: Record<string, unknown>[] }[] };

/** The error a broken declaration raises. */
function errorOf(document: unknown): ReportError {
  try {
    checkKeyFigures(document, core, 'kf.json');
  } catch (e) {
    if (e instanceof ReportError) return e;
    throw e;
  }
  throw new Error('no error raised');
}

describe('the key-figures declaration', () => {
  it('ships valid beside the core, four pages, and gives the classes the analysis needs', () => {
    const declaration = readKeyFigures(keyFiguresPath, core);
    expect(declaration.pages).toHaveLength(4);
    expect(keyFigureClasses(declaration)).toEqual({ annee_creation: [5, 10, 20] });
  });

  it('names the pointer and the schema rule of a structural mistake', () => {
    const three = shipped();
    three.pages.pop();
    expect(errorOf(three).message).toBe('kf.json#/pages: [schema/minItems] must have at least 4 items');
    const typo = shipped();
    typo.pages[1]!.figures[0]!.shwo = 'bars';
    expect(errorOf(typo).message).toMatch(/^kf\.json#\/pages\/1\/figures\/0\/shwo: \[schema\/additionalProperties\] unknown property "shwo"/);
  });

  it('checks each figure against the core: question, display, code, options, classes', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ question: 'secteur_principale', show: 'bars' }, `kf.json#/pages/0/figures/0/question: [key-figures/unknown-question] "secteur_principale" is not a question of the core olva-core ${core.version}`],
      [{ question: 'secteur_principal', show: 'median' }, 'kf.json#/pages/0/figures/0/show: [key-figures/display] "median" does not suit question secteur_principal (single); it needs a integer, decimal, year question'],
      [{ question: 'employeur', show: 'share', code: 'oui', caption: { fr: 'x' } }, 'kf.json#/pages/0/figures/0/code: [key-figures/code] "oui" is not a code of employeur (codes: true, false)'],
      [{ question: 'publics', show: 'stacked' }, 'kf.json#/pages/0/figures/0/show: [key-figures/display] "stacked" does not suit question publics (multiple); it needs a matrix question'],
      [{ question: 'publics', show: 'bars', classes: [1, 2] }, 'kf.json#/pages/0/figures/0/classes: [key-figures/option] "classes" only applies to show: "classes"'],
      [{ question: 'nb_adherents', show: 'classes', classes: [10, 50, 50] }, 'kf.json#/pages/0/figures/0/classes/2: [key-figures/classes] class bounds must be strictly ascending'],
    ];
    for (const [figure, message] of cases) {
      const d = shipped();
      d.pages[0]!.figures[0] = figure;
      expect(errorOf(d).message).toBe(message);
    }
  });

  it('says it in French too', () => {
    const d = shipped();
    d.pages[0]!.figures[0] = { question: 'inconnue', show: 'bars' };
    expect(errorOf(d).describe('fr')).toBe(`kf.json#/pages/0/figures/0/question: [key-figures/unknown-question] « inconnue » n’est pas une question du tronc commun olva-core ${core.version}`);
  });
});
