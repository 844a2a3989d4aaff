/**
 * `olva init extension --territory <level>:<code> --out <file> [--namespace <ns>] [--id <id>]
 * [--core <core.json>] [--force]`: writes the skeleton of a territorial extension, with the
 * territory's official name from the official geography, the current core's id and range, a
 * namespace, one example of each common pattern and the `$schema` line of the bundled schema.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { territories } from '@olva/compiler';
import { readJsonFile } from '@olva/compiler/read-json';
import { parse } from '../args.js';
import { EXIT, pickLang, say, sayBoth, usageMistake, type Bilingual, type CommandIO } from '../io.js';
import { defaultCorePath } from '../core-path.js';
import { extensionSkeleton, namespaceFromName } from '../init/skeleton.js';
import { schemaReference } from '../init/schema-path.js';
import { extensionGuideForMessage } from '../init/guide-path.js';
import { printJson } from '../report.js';

/** One line on how to call the command. */
export const usage = {
  fr: 'olva init extension --territory <niveau>:<code> --out <fichier.json> [--namespace <ns>] [--id <id>] [--core <tronc.json>] [--force] [--lang fr|en] — écrit le squelette d’une extension territoriale (niveaux : commune, epci, departement, region)',
  en: 'olva init extension --territory <level>:<code> --out <file.json> [--namespace <ns>] [--id <id>] [--core <core.json>] [--force] [--lang fr|en] — writes the skeleton of a territorial extension (levels: commune, epci, departement, region)',
};

const LEVELS = ['commune', 'epci', 'departement', 'region'] as const;
type Level = (typeof LEVELS)[number];

/** The territory's official name, or why there is none. */
function findTerritory(level: Level, code: string): { name: string } | { error: Bilingual } {
  const name = territories.officialName(level, code);
  if (name !== undefined) return { name };
  const misplaced = territories.misplacedCode(level, code);
  if (misplaced) return { error: misplaced };
  const expected: Record<Level, Bilingual> = {
    commune: { fr: 'un code INSEE (COG) de commune actuelle, par ex. 35238 pour Rennes (pas un code postal)', en: 'the INSEE (COG) code of a current commune, e.g. 35238 for Rennes (not a postcode)' },
    epci: { fr: 'le SIREN d’un EPCI (9 chiffres), par ex. 200040293 pour la CC du Clunisois', en: 'the SIREN of an EPCI (9 digits), e.g. 200040293 for the CC du Clunisois' },
    departement: { fr: 'un code de département, par ex. 35 ou 2A', en: 'a department code, e.g. 35 or 2A' },
    region: { fr: 'un code de région, par ex. 53 pour la Bretagne', en: 'a région code, e.g. 53 for Bretagne' },
  };
  return { error: {
    fr: `"${code}" n’est le code d’aucun territoire de niveau "${level}" dans la géographie officielle ; attendu : ${expected[level].fr}`,
    en: `"${code}" is the code of no territory at level "${level}" in the official geography; expected: ${expected[level].en}`,
  } };
}

/** The id, version and first extension point of the core the extension will extend. */
function readCore(file: string): { id: string; version: string; point: string } | { error: Bilingual } {
  let core: { id?: unknown; version?: unknown; sections?: { items?: { extensionPoint?: unknown }[] }[] };
  const read = readJsonFile(file);
  if ('why' in read) return { error: { fr: `impossible de lire le tronc commun ${file} : ${read.why.fr}`, en: `cannot read the core ${file}: ${read.why.en}` } };
  core = read.value as typeof core;
  const point = core.sections?.flatMap((s) => s.items ?? []).find((i) => typeof i?.extensionPoint === 'string')?.extensionPoint;
  if (typeof core.id !== 'string' || typeof core.version !== 'string' || typeof point !== 'string') {
    return { error: { fr: `${file} n’est pas un tronc commun avec un id, une version et au moins un point d’extension`, en: `${file} is not a core with an id, a version and at least one extension point` } };
  }
  return { id: core.id, version: core.version, point };
}

/** Runs `olva init`. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const args = parse(argv, {
    territory: { type: 'string', short: 't' }, out: { type: 'string', short: 'o' }, namespace: { type: 'string' },
    id: { type: 'string' }, core: { type: 'string' }, force: { type: 'boolean' },
  });
  const usageError = (text: Bilingual) => usageMistake(io.stderr, lang, 'init', text, usage);
  const invalid = (text: Bilingual) => {
    say(io.stderr, lang, { fr: `olva init : ${text.fr}`, en: `olva init: ${text.en}` });
    return EXIT.INVALID;
  };
  if (!args.ok) return usageError(args.error);
  if (args.values.help) { sayBoth(io.stdout, usage); return EXIT.OK; }
  // `olva init extension commune:35238`: the territory given where the command was, not its kind.
  const extra = args.positionals[0] === 'extension' ? args.positionals[1] : undefined;
  if (extra !== undefined) {
    return usageError({ fr: `argument inattendu « ${extra} » : le territoire se donne par --territory ${extra}`, en: `unexpected argument "${extra}": the territory is given with --territory ${extra}` });
  }
  if (args.positionals[0] !== 'extension' || args.positionals.length !== 1) {
    return usageError({ fr: 'olva init ne sait écrire qu’une extension : olva init extension …', en: 'olva init only writes an extension: olva init extension …' });
  }
  const { territory: spec, out } = args.values;
  if (!spec) return usageError({ fr: 'indiquez le territoire avec --territory <niveau>:<code>, par ex. epci:200040293.', en: 'give the territory with --territory <level>:<code>, e.g. epci:200040293.' });
  if (!out) return usageError({ fr: 'indiquez le fichier à écrire avec --out <fichier.json>.', en: 'give the file to write with --out <file.json>.' });
  const [level, code = ''] = spec.split(':', 2) as [string, string?];
  if (!(LEVELS as readonly string[]).includes(level) || !code) {
    return usageError({ fr: `territoire « ${spec} » : écrivez <niveau>:<code> avec un niveau parmi ${LEVELS.join(', ')} (un territoire personnalisé s’écrit à la main, voir ${extensionGuideForMessage()}).`, en: `territory "${spec}": write <level>:<code> with a level among ${LEVELS.join(', ')} (a custom territory is written by hand, see ${extensionGuideForMessage()}).` });
  }
  const found = findTerritory(level as Level, code);
  if ('error' in found) return invalid(found.error);
  const coreFile = args.values.core ?? defaultCorePath();
  const core = readCore(coreFile);
  if ('error' in core) return invalid(core.error);

  const file = resolve(out);
  if (existsSync(file) && !args.values.force) {
    return invalid({ fr: `${out} existe déjà ; choisissez un autre fichier ou ajoutez --force pour l’écraser.`, en: `${out} already exists; choose another file or add --force to overwrite it.` });
  }
  const namespace = args.values.namespace ?? namespaceFromName(found.name, `${level}_${code.toLowerCase()}`);
  if (!/^[a-z][a-z0-9_]*$/.test(namespace) || namespace.length > 32) {
    return usageError({ fr: `espace de noms « ${namespace} » : lettres minuscules, chiffres et _, 32 caractères au plus, commençant par une lettre.`, en: `namespace "${namespace}": lower-case letters, digits and _, at most 32 characters, starting with a letter.` });
  }
  const major = core.version.split('.')[0];
  const id = args.values.id ?? `${namespace.replace(/_/g, '-')}-${major}`;
  if (!/^[a-z][a-z0-9-]*$/.test(id) || id.length > 64) {
    return usageError({ fr: `identifiant « ${id} » : lettres minuscules, chiffres et -, commençant par une lettre.`, en: `id "${id}": lower-case letters, digits and -, starting with a letter.` });
  }
  mkdirSync(dirname(file), { recursive: true });
  const foundSchema = schemaReference('extension', file);
  const schema = foundSchema?.ref ?? 'https://json-schema.org/draft/2020-12/schema';
  const copied = foundSchema?.copied && relative(process.cwd(), foundSchema.copied);
  const skeleton = extensionSkeleton({
    schema, id, namespace,
    territory: { level: level as Level, code, name: found.name },
    core: { id: core.id, range: `^${core.version}` },
    extensionPoint: core.point,
  });
  writeFileSync(file, `${JSON.stringify(skeleton, null, 2)}\n`);
  if (args.values.json) {
    printJson(io.stdout, { ok: true, file: out, id, namespace, territory: skeleton.territory, extends: skeleton.extends, schema, ...(copied ? { schemaCopied: copied } : {}) });
  } else {
    say(io.stdout, lang, {
      fr: `✓ ${out} : extension « ${id} » pour ${found.name} (${level} ${code}), espace de noms « ${namespace} », tronc commun ${core.id} ${skeleton.extends.version}.`,
      en: `✓ ${out}: extension "${id}" for ${found.name} (${level} ${code}), namespace "${namespace}", core ${core.id} ${skeleton.extends.version}.`,
    });
    if (copied) {
      // npx's cache, or a global install, is not the project's: a $schema into it would vanish.
      say(io.stdout, lang, {
        fr: `  Schéma copié dans ${copied} (ce projet n’a pas @olva/schema). Pour qu’il suive les mises à jour : « npm install -D @olva/schema », puis « $schema » vers node_modules/@olva/schema/bundled/extension.schema.json.`,
        en: `  Schema copied to ${copied} (this project has no @olva/schema). For it to follow upgrades: "npm install -D @olva/schema", then "$schema" to node_modules/@olva/schema/bundled/extension.schema.json.`,
      });
    }
    const guide = extensionGuideForMessage();
    say(io.stdout, lang, {
      fr: `  Ensuite : olva preview ${out} (le questionnaire en direct, recompilé à chaque enregistrement), olva validate ${out}, puis olva build --extension ${out} --out <répertoire>. Les exemples du fichier : ${guide}.`,
      en: `  Next: olva preview ${out} (the survey live, rebuilt on every save), olva validate ${out}, then olva build --extension ${out} --out <dir>. The patterns in the file: ${guide}.`,
    });
  }
  return EXIT.OK;
}
