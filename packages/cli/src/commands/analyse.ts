/**
 * `olva analyse`: the results document of a wave (`schemas/results.schema.json`), from the
 * collector's store or an NDJSON file, with its comparisons: the other territories of the wave
 * pooled, the national references, the territory's previous wave (through the crosswalks when
 * the core changed), the sample beside the expected sectors (and `--weight sector`). `--csv`
 * also writes the flat table of published figures (open data).
 */
import fs from 'node:fs';
import { analyseResponses, flattenResults, groupNames, isNetworkTerritory, withoutExpected, FLAT_COLUMNS, MIN_OTHER_TERRITORIES, type ExpectedSectors, type ResultsDocument, type TerritoryRef } from '@olva/analysis';
import { toCsv } from '@olva/compiler/csv';
import { EXIT, say, type Bilingual, type CommandIO } from '../io.js';
import { inputHelp, loadReferences, readExpected, loadRules, openAnalysisInput, parseAnalysisArgs, parseTerritoryOption, type AnalysisInput } from '../analysis-input.js';
import { CommandError, reportError } from './export.js';
import { keyFigureClassesFor } from '@olva/core-questionnaire';
import { counted, territoryKey } from '@olva/schema';

export const usage: Bilingual = {
  fr: 'olva analyse (--config <olva.config.json> | --responses <réponses.ndjson> --build <dossier>…) --wave <millésime> [--territory <niveau:code>] [--previous-wave <millésime>] --out <results.json> : les résultats d’un millésime, avec leurs comparaisons',
  en: 'olva analyse (--config <olva.config.json> | --responses <payloads.ndjson> --build <dir>…) --wave <wave> [--territory <level:code>] [--previous-wave <wave>] --out <results.json>: the results of a wave, with their comparisons',
};

const help: Bilingual = {
  fr: `${usage.fr}
${inputHelp.fr}
  --wave <millésime>        millésime analysé (obligatoire)
  --territory <niveau:code> seulement ce territoire (défaut : tous ceux du millésime) ; les autres servent à la comparaison au réseau ;
                            network:all : l’ensemble du réseau, toutes les réponses du millésime regroupées (sans comparaison au réseau)
  --previous-wave <m>       comparer au millésime précédent du même territoire (tables de correspondance si le tronc a changé)
  --references <f.json>|none  repères nationaux (défaut : Tchernonog & Prouteau 2019, données 2017)
  --expected <f.json>       répartition attendue par secteur (défaut : section "stats" de la configuration)
  --sector-question <id>    question du secteur principal (défaut secteur_principal)
  --weight sector           ajoute des parts redressées (post-stratification sur le secteur principal), signalées comme telles
                            (chaque territoire analysé doit avoir sa répartition attendue pour la vague)
  --out <results.json>      document des résultats (obligatoire)
  --csv <fichier.csv>       aussi la table à plat des chiffres publiés (données ouvertes)`,
  en: `${usage.en}
${inputHelp.en}
  --wave <wave>             wave analysed (required)
  --territory <level:code>  only this territory (default: every territory of the wave); the others make the network comparison;
                            network:all: the whole network, every response of the wave pooled (no network comparison)
  --previous-wave <w>       compare with the same territory's previous wave (through crosswalks when the core changed)
  --references <f.json>|none  national references (default: Tchernonog & Prouteau 2019, 2017 data)
  --expected <f.json>       expected distribution by sector (default: the configuration's "stats" section)
  --sector-question <id>    main-sector question (default secteur_principal)
  --weight sector           adds post-stratified shares on the main sector, labelled as such
                            (each territory analysed needs its expected distribution for the wave)
  --out <results.json>      the results document (required)
  --csv <file.csv>          also the flat table of published figures (open data)`,
};

/**
 * `--weight sector` weights each group on its territory's expected distribution for the wave:
 * a group without one is an error naming where the distributions come from (the `--expected`
 * file, or the configuration's `stats.expected`) and the rule, never shares silently left out.
 */
function checkWeighted(doc: ResultsDocument, expected: readonly ExpectedSectors[] | undefined, from: { expected?: string; config?: string }): void {
  const missing = withoutExpected(doc.groups, expected);
  if (!missing.length) return;
  const groups = (wave: string) => groupNames(missing, wave);
  const [where, place] = from.expected
    ? [from.expected, { fr: 'ajoutez-la à ce fichier', en: 'add it to that file' }]
    : from.config
      ? [`${from.config}#/stats/expected`, { fr: 'déclarez-la dans la section stats.expected de la configuration', en: 'declare it in the configuration\'s stats.expected section' }]
      : ['--weight', { fr: 'donnez-la par --expected <f.json> ou par la section stats.expected de --config', en: 'give it with --expected <f.json> or in the stats.expected section of --config' }];
  throw new CommandError({
    fr: `${where} : aucune répartition attendue par secteur pour ${groups('vague')}, sur laquelle --weight sector redresse : ${place.fr} (territoire, vague ou toutes les vagues, secteurs), ou retirez --weight [analyse/no-expected]`,
    en: `${where}: no expected distribution by sector for ${groups('wave')}, which --weight sector weights on: ${place.en} (territory, wave or every wave, sectors), or leave out --weight [analyse/no-expected]`,
  });
}

/** Says which territories inside the one analysed gave responses that count in it. */
export function innerTerritories(territory: TerritoryRef, inner: readonly string[]): Bilingual {
  const t = `${territory.level}:${territory.code}`;
  return {
    fr: `  ${t} compte aussi les réponses recueillies dans ${inner.length === 1 ? 'le territoire qu’il contient' : `les ${inner.length} territoires qu’il contient`} : ${inner.join(', ')}`,
    en: `  ${t} also counts the responses collected in ${inner.length === 1 ? 'the territory' : `the ${inner.length} territories`} inside it: ${inner.join(', ')}`,
  };
}

/** Says what the network's own results pooled: the responses of the wave and the territories they were collected in. */
export function networkPooled(responses: number, territories: number): Bilingual {
  return {
    fr: `  l’ensemble du réseau (network:all) regroupe ${counted('fr', responses, 'réponse', 'réponses')} de ${counted('fr', territories, 'territoire', 'territoires')}`,
    en: `  the whole network (network:all) pools ${counted('en', responses, 'response', 'responses')} of ${counted('en', territories, 'territory', 'territories')}`,
  };
}

/** The responses as read, noting in `into` the distinct territories (`level:code`) of `wave`'s (of every wave without one). */
export async function* notingTerritories<R extends { wave: string; territory: TerritoryRef }>(responses: AsyncIterable<R>, wave: string | undefined, into: Set<string>): AsyncIterable<R> {
  for await (const r of responses) {
    if (wave === undefined || r.wave === wave) into.add(territoryKey(r.territory));
    yield r;
  }
}

/** Runs `olva analyse`; resolves to the exit code. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseAnalysisArgs('analyse', argv, {
    wave: { type: 'string', short: 'w' },
    territory: { type: 'string', short: 't' },
    'previous-wave': { type: 'string' },
    references: { type: 'string' },
    expected: { type: 'string' },
    'sector-question': { type: 'string' },
    weight: { type: 'string' },
    out: { type: 'string', short: 'o' },
    csv: { type: 'string' },
  }, { usage, help }, io);
  if ('exit' in parsed) return parsed.exit;
  const { values: v, lang, usageError } = parsed;
  if (!v.wave) return usageError('--wave <millésime> est obligatoire', '--wave <wave> is required');
  if (!v.out) return usageError('--out <results.json> est obligatoire', '--out <results.json> is required');
  if (v.weight !== undefined && v.weight !== 'sector') return usageError('--weight ne connaît que sector', '--weight only knows sector');
  // A wave beside itself would print every gap as 0 under « 2026 » (the collector refuses it: previous-is-wave).
  if (v['previous-wave'] === v.wave) return usageError(`--previous-wave doit être un autre millésime que --wave « ${v.wave} » [previous-is-wave]`, `--previous-wave must be another wave than --wave "${v.wave}" [previous-is-wave]`);
  let input: AnalysisInput | undefined;
  try {
    const territory = parseTerritoryOption(v.territory);
    const network = territory !== undefined && isNetworkTerritory(territory);
    // The network's expected distribution is never configured (stats.expected names territories that collect): said before reading anything.
    if (network && v.weight === 'sector') {
      throw new CommandError({
        fr: '--weight sector : l’ensemble du réseau (network:all) n’a pas de répartition attendue par secteur (stats.expected et --expected nomment des territoires qui collectent) ; retirez --weight, ou redressez territoire par territoire [analyse/no-expected]',
        en: '--weight sector: the whole network (network:all) has no expected distribution by sector (stats.expected and --expected name territories that collect); leave out --weight, or weight territory by territory [analyse/no-expected]',
      }, EXIT.USAGE);
    }
    const references = loadReferences(v.references);
    const expected = v.expected ? readExpected(v.expected) : undefined;
    input = await openAnalysisInput(v);
    const waves = [v.wave, ...(v['previous-wave'] ? [v['previous-wave']] : [])];
    // The territories inside the one asked for whose responses count in it (decision 0014): said, since its document does not list them.
    const inner = new Set<string>();
    // The territories the network pools, as read (the network needs no geography: everything is inside it).
    const pooled = new Set<string>();
    const rules = loadRules(v.rules) ?? input.rules;
    const doc = await analyseResponses(network ? notingTerritories(input.responses(waves), v.wave, pooled) : input.responses(waves), {
      compiled: input.compiled,
      classes: keyFigureClassesFor(input.compiled),
      ...(rules ? { rules } : {}),
      wave: v.wave,
      // The geography: the network counts distinct areas (an EPCI and a commune of it are one), as the collector does.
      within: (t: TerritoryRef, container: TerritoryRef) => input!.territories().within(t, container),
      // The responses collected inside the territory count in it, as the collector's cockpit and publication count them.
      ...(network ? { territory } : territory ? { territory, inside: (t: TerritoryRef) => {
        const within = input!.territories().within(t, territory);
        if (within) inner.add(territoryKey(t));
        return within;
      } } : {}),
      ...(v['previous-wave'] ? { previousWave: v['previous-wave'] } : {}),
      ...(references ? { references } : {}),
      ...((expected ?? input.expected) ? { expected: expected ?? input.expected } : {}),
      ...((v['sector-question'] ?? input.sectorQuestion) ? { sectorQuestion: v['sector-question'] ?? input.sectorQuestion } : {}),
      ...(v.weight === 'sector' ? { weight: 'sector' as const } : {}),
    });
    if (v.weight === 'sector') checkWeighted(doc, expected ?? input.expected, v);
    fs.writeFileSync(v.out, `${JSON.stringify(doc, null, 2)}\n`);
    if (v.csv) {
      const flat = flattenResults(doc);
      fs.writeFileSync(v.csv, toCsv(FLAT_COLUMNS, flat.rows));
    }
    // The count says what it counts: a bare « (151) » left the reader guessing.
    const groups = (one: string, many: string) => doc.groups.map((g) => `${g.territory.level}:${g.territory.code} (${counted(lang, g.responses, one, many)})`).join(', ');
    io.stderr.write(lang === 'fr'
      ? `olva analyse : ${v.out} écrit — millésime ${v.wave}, ${groups('réponse', 'réponses')}${v.csv ? ` ; table à plat ${v.csv}` : ''}\n`
      : `olva analyse: ${v.out} written — wave ${v.wave}, ${groups('response', 'responses')}${v.csv ? `; flat table ${v.csv}` : ''}\n`);
    if (network) say(io.stderr, lang, networkPooled(doc.groups[0]!.responses, pooled.size));
    else if (territory && inner.size) say(io.stderr, lang, innerTerritories(territory, [...inner].sort()));
    const repeated = input.repeated?.() ?? 0;
    if (repeated) say(io.stderr, lang, { fr: `  ${counted('fr', repeated, 'réponse présente', 'réponses présentes')} dans plusieurs fichiers --responses, comptée${repeated > 1 ? 's' : ''} une fois`, en: `  ${counted('en', repeated, 'response', 'responses')} found in several --responses files, counted once` });
    for (const line of missingComparisons(doc)) say(io.stderr, lang, line);
    return EXIT.OK;
  } catch (e) {
    return reportError('analyse', e, io, lang);
  } finally {
    await input?.close();
  }
}

/**
 * The comparisons asked for that the document could not make, said at once: an empty
 * previous wave (the document's note) or too small a network otherwise only shows as an absent
 * marker in the report.
 */
function missingComparisons(doc: ResultsDocument): Bilingual[] {
  const lines: Bilingual[] = [];
  // The document's own notes (the collector serves the same ones), with where the demo's previous wave comes from.
  for (const note of doc.notes ?? []) {
    const demo = note.code === 'previous-wave-empty';
    lines.push({ fr: `  ${note.text.fr}${demo ? ' (démo : npm start -- --seed-responses)' : ''}`, en: `  ${note.text.en}${demo ? ' (demo: npm start -- --seed-responses)' : ''}` });
  }
  for (const g of doc.groups) {
    const where = `${g.territory.level}:${g.territory.code}`;
    const network = g.comparisons?.network;
    if (network && network.otherTerritories < MIN_OTHER_TERRITORIES) {
      lines.push({
        fr: `  ${where} : ${counted('fr', network.otherTerritories, 'autre territoire', 'autres territoires')} au millésime ${network.wave}, il en faut ${MIN_OTHER_TERRITORIES} pour comparer au réseau`,
        en: `  ${where}: ${counted('en', network.otherTerritories, 'other territory', 'other territories')} in wave ${network.wave}, ${MIN_OTHER_TERRITORIES} are needed to compare with the network`,
      });
    }
  }
  return lines;
}

