/**
 * `olva reference rna <file.csv> --territory <level:code> [--out expected.json] [--wave <w>]
 * [--core <core.json>] [--mapping <waldec.json>] [--encoding utf8|windows-1252|latin1]`: the
 * expected distribution of a territory's associations by main sector, from the open-data extract of the national register of associations (RNA), written
 * in the collector configuration's format (an entry of `stats.expected`). The file is
 * streamed (millions of rows); malformed rows are counted and reported, never fatal. `latin1`
 * is read as Windows-1252, its superset in every French file: bytes 0x80–0x9F there are €, ’, œ…,
 * never Latin-1's control characters. The sectors are those of the core the mapping names; a
 * wave of another core (`--core`, e.g. 2027's split of social_sante) is refused while the
 * mapping names a sector that core lacks, so that no entry is written over sectors the wave's
 * questionnaire does not offer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseTerritoryQuery } from '@olva/collector';
import { csvEncodingNamed, decodeCsvStream } from '@olva/compiler/csv';
import { parse } from '../args.js';
import { EXIT, pickLang, say, sayBoth, type Bilingual, type CommandIO } from '../io.js';
import { countRna, RnaFormatError } from '../reference/rna.js';
import { territoryCommunes } from '../reference/territory-communes.js';
import { loadWaldecMapping, WALDEC_MAPPING_FILE, type WaldecMapping } from '../reference/waldec.js';
import { defaultCorePath } from '../core-path.js';
import { fileError, readJsonFile } from '@olva/compiler/read-json';
import { counted, plural } from '@olva/schema';

export const usage: Bilingual = {
  fr: 'olva reference rna <fichier.csv> --territory <niveau:code> [--out attendu.json] [--wave <millésime>] [--core <tronc.json>] [--mapping <waldec.json>] [--encoding utf8|windows-1252|latin1] : répartition attendue des associations par secteur du tronc commun (celui du millésime : --core), depuis le Répertoire national des associations',
  en: 'olva reference rna <file.csv> --territory <level:code> [--out expected.json] [--wave <wave>] [--core <core.json>] [--mapping <waldec.json>] [--encoding utf8|windows-1252|latin1]: expected distribution of associations by sector of the common core (the wave\'s: --core), from the national register of associations',
};

const OVERSTATES: Bilingual = {
  fr: 'Attention : le RNA surestime les associations en activité (les dissolutions y sont rarement déclarées) ; lisez ces chiffres comme une répartition, pas comme un effectif.',
  en: 'Beware: the RNA overstates active associations (dissolutions are rarely declared); read these figures as a distribution, not as a headcount.',
};

/**
 * Why the mapping cannot classify into the core in `coreFile` (the core the wave uses), or
 * null: a core without the mapping's sector question, or lacking a sector the mapping names.
 */
function mappingMisfit(mapping: WaldecMapping, mappingFile: string, coreFile: string): Bilingual | null {
  const read = readJsonFile(coreFile);
  if ('why' in read) return { fr: `${coreFile} : ${read.why.fr}`, en: `${coreFile}: ${read.why.en}` };
  const core = read.value as { id?: string; version?: string; sections?: { items?: { id?: string; choices?: { code: string }[]; other?: unknown }[] }[] };
  const question = core.sections?.flatMap((s) => s.items ?? []).find((q) => q.id === mapping.core.question);
  const offered = new Set([...(question?.choices ?? []).map((c) => c.code), ...(question?.other ? ['other'] : [])]);
  const missing = [...new Set([...Object.values(mapping.families), ...Object.values(mapping.codes)].map((t) => t.sector))].filter((s) => !offered.has(s));
  if (question && !missing.length) return null;
  const names = `${mapping.core.id} ${mapping.core.version}`;
  const lacks = question ? { fr: `n’a pas le(s) secteur(s) ${missing.join(', ')}`, en: `lacks the sector(s) ${missing.join(', ')}` } : { fr: `n’a pas la question ${mapping.core.question}`, en: `has no question ${mapping.core.question}` };
  return {
    fr: `la correspondance WALDEC ${mapping.version} (${mappingFile}) classe les thèmes dans les secteurs de ${names} ; le tronc commun ${core.id ?? '?'} ${core.version ?? '?'} (${coreFile}) ${lacks.fr}. Pour un millésime de ce tronc commun, donnez une correspondance vers ses secteurs : --mapping <fichier.json>, au format de data/waldec-sectors.json.`,
    en: `the WALDEC mapping ${mapping.version} (${mappingFile}) classifies themes into the sectors of ${names}; the common core ${core.id ?? '?'} ${core.version ?? '?'} (${coreFile}) ${lacks.en}. For a wave of that core, give a mapping onto its sectors: --mapping <file.json>, in the format of data/waldec-sectors.json.`,
  };
}

/** Runs `olva reference`. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const parsed = parse(argv, { territory: { type: 'string' }, out: { type: 'string' }, wave: { type: 'string' }, encoding: { type: 'string' }, core: { type: 'string' }, mapping: { type: 'string' } });
  const fail = (text: Bilingual, code: number = EXIT.USAGE): number => {
    say(io.stderr, lang, { fr: `olva reference : ${text.fr}`, en: `olva reference: ${text.en}` });
    if (code === EXIT.USAGE) sayBoth(io.stderr, usage);
    return code;
  };
  if (!parsed.ok) return fail(parsed.error);
  const v = parsed.values;
  if (v.help) { sayBoth(io.stdout, usage); return EXIT.OK; }
  const [kind, file, ...rest] = parsed.positionals;
  if (kind !== 'rna' || !file || rest.length) return fail({ fr: 'donnez « rna » puis un fichier CSV', en: 'give "rna" then one CSV file' });
  const territories = parseTerritoryQuery(v.territory);
  if (!v.territory || ('error' in territories ? false : territories.length !== 1)) {
    return fail({ fr: '--territory <niveau:code> est requis (une commune, un EPCI, un département ou une région)', en: '--territory <level:code> is required (a commune, an EPCI, a department or a region)' });
  }
  // A territory written wrong says what is wrong with it, not that none was given.
  if ('error' in territories) return fail({ fr: `--territory : ${territories.error.fr}`, en: `--territory: ${territories.error.en}` });
  const territory = territories[0]!;
  const encoding = csvEncodingNamed(v.encoding ?? 'utf8');
  if (!encoding) return fail({ fr: '--encoding vaut utf8, windows-1252 ou latin1 (lu comme windows-1252)', en: '--encoding is utf8, windows-1252 or latin1 (read as windows-1252)' });
  if (v.wave !== undefined && !/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/.test(v.wave)) return fail({ fr: `millésime « ${v.wave} » invalide`, en: `invalid wave "${v.wave}"` });
  const communes = territoryCommunes(territory);
  if (!communes) {
    return fail({ fr: `${territory.level}:${territory.code} n’est pas un territoire de la géographie officielle`, en: `${territory.level}:${territory.code} is not a territory of the official geography` }, EXIT.INVALID);
  }
  if (!fs.existsSync(file)) return fail({ fr: `${file} : fichier introuvable`, en: `${file}: no such file` }, EXIT.INVALID);

  const mappingFile = v.mapping ?? WALDEC_MAPPING_FILE;
  let mapping: WaldecMapping;
  try {
    mapping = loadWaldecMapping(mappingFile);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail({ fr: `--mapping : ${mappingFile} n’est pas une correspondance WALDEC lisible (version, core, families et codes attendus) : ${why}`, en: `--mapping: ${mappingFile} is not a readable WALDEC mapping (version, core, families and codes expected): ${why}` }, EXIT.INVALID);
  }
  const misfit = mappingMisfit(mapping, v.mapping ?? 'data/waldec-sectors.json', v.core ?? defaultCorePath());
  if (misfit) return fail(misfit, EXIT.INVALID);
  let count;
  try {
    const bytes = fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
    count = await countRna(decodeCsvStream(bytes, encoding), communes, mapping);
  } catch (e) {
    if (e instanceof RnaFormatError) return fail({ fr: `${file} : ${e.message}`, en: `${file}: ${e.message}` }, EXIT.INVALID);
    const why = fileError(e);
    return fail({ fr: `${file} : lecture impossible : ${why.fr}`, en: `${file}: cannot read: ${why.en}` }, EXIT.INVALID);
  }
  const sectors = Object.fromEntries(Object.entries(count.sectors).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  const entry = {
    territory: { level: territory.level, code: territory.code },
    ...(v.wave ? { wave: v.wave } : {}),
    source: `RNA (${path.basename(file)}), associations actives, correspondance WALDEC ${mapping.version} vers les secteurs de ${mapping.core.id} ${mapping.core.version} ; le RNA surestime les associations en activité`,
    sectors,
  };
  const json = `${JSON.stringify(entry, null, 2)}\n`;
  if (v.out) fs.writeFileSync(v.out, json);
  else io.stdout.write(json);

  const report = io.stderr;
  say(report, lang, {
    fr: `${counted('fr', count.rows, 'ligne lue', 'lignes lues')} : ${counted('fr', count.kept, 'association active', 'associations actives')} dans ${territory.level}:${territory.code} (${count.kept - count.unclassified} ${plural('fr', count.kept - count.unclassified, 'classée', 'classées')} par secteur, ${count.unclassified} sans thème reconnu), ${count.dissolved} ${plural('fr', count.dissolved, 'dissoute écartée', 'dissoutes écartées')}, ${count.outside} hors du territoire, ${count.noCommune} sans code commune, ${counted('fr', count.malformed, 'ligne illisible', 'lignes illisibles')}.`,
    en: `${counted('en', count.rows, 'row', 'rows')} read: ${counted('en', count.kept, 'active association', 'active associations')} in ${territory.level}:${territory.code} (${count.kept - count.unclassified} classified by sector, ${count.unclassified} without a known theme), ${count.dissolved} dissolved skipped, ${count.outside} outside the territory, ${count.noCommune} without a commune code, ${counted('en', count.malformed, 'unreadable row', 'unreadable rows')}.`,
  });
  for (const m of count.malformedLines) say(report, lang, { fr: `  ${file}:${m.line} : ${m.reason}`, en: `  ${file}:${m.line}: ${m.reason}` });
  if (count.malformed > count.malformedLines.length) say(report, lang, { fr: `  … et ${count.malformed - count.malformedLines.length} autres`, en: `  … and ${count.malformed - count.malformedLines.length} more` });
  if (v.out) say(report, lang, { fr: `Répartition écrite dans ${v.out} : ajoutez-la à "stats.expected" de la configuration.`, en: `Distribution written to ${v.out}: add it to "stats.expected" of the configuration.` });
  say(report, lang, OVERSTATES);
  return EXIT.OK;
}
