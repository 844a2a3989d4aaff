/**
 * `olva token`: makes a bearer token for the collector and the entry of `tokens` that holds its
 * SHA-256, so that an operator without `sha256sum` (Windows) never hashes by hand. The token is
 * printed once and written nowhere. `olva token --hash` hashes a token read on stdin instead.
 * The entry is checked by the collector's own configuration loader (name, rights, territory
 * syntax, `export-personal` never alone) and its territories against the official geography.
 */
import { randomBytes } from 'node:crypto';
import readline from 'node:readline';
import {
  ConfigError, TerritoryDirectory, configSchema, createAuthorizer, parseTerritoryQuery, resolveConfig, sha256Hex, text,
  type Scope, type TerritoryRef,
} from '@olva/collector';
import { counted, territoryKey } from '@olva/schema';
import { parseCommand } from '../args.js';
import { EXIT, pickLang, say, type Bilingual, type CommandIO, type Lang } from '../io.js';
import { CommandError } from './export.js';
import { queryRefusalWords } from '../network-option.js';

/** The rights a token may hold, as the collector's configuration schema lists them. */
export const RIGHTS: readonly string[] = configSchema.properties.tokens.items.properties.scope.properties.rights.items.enum;

/** Random bytes of a made token: 256 bits, printed as 43 base64url characters after `olva_`. */
const TOKEN_BYTES = 32;

export const usage: Bilingual = {
  fr: 'olva token --name <nom> --territory <niveau:code|all>… --rights <droit,…> [--hash] [--json] : fabrique un jeton du collecteur et l’entrée « tokens » de sa configuration',
  en: 'olva token --name <name> --territory <level:code|all>… --rights <right,…> [--hash] [--json]: makes a collector token and its configuration’s "tokens" entry',
};

const help: Bilingual = {
  fr: `${usage.fr}
  Le jeton (256 bits aléatoires) est affiché une seule fois et écrit nulle part : remettez-le à son
  destinataire ; la configuration n’en garde que l’empreinte SHA-256.
  --name <nom>              nom du jeton dans les journaux (lettres, chiffres, espace, . _ -)
  --territory <niveau:code> territoire couvert, répétable (commune:35238, epci:200042174,
                            departement:56, region:53, custom:<code>), ou all pour tout le réseau
  --rights <droits>         séparés par des virgules, parmi ${RIGHTS.join(', ')}
  --hash                    lit un jeton existant sur l’entrée standard et imprime son entrée
                            (ou son seul sha256 sans --name, --territory ni --rights)
  --json                    {"token", "entry"} (sans "token" avec --hash)`,
  en: `${usage.en}
  The token (256 random bits) is printed once and written nowhere: hand it to its holder; the
  configuration keeps only its SHA-256.
  --name <name>             the token's name in the logs (letters, digits, space, . _ -)
  --territory <level:code>  a territory covered, repeatable (commune:35238, epci:200042174,
                            departement:56, region:53, custom:<code>), or all for the whole network
  --rights <rights>         comma-separated, among ${RIGHTS.join(', ')}
  --hash                    reads an existing token on standard input and prints its entry
                            (or its sha256 alone without --name, --territory and --rights)
  --json                    {"token", "entry"} (no "token" with --hash)`,
};

/** An entry of the configuration's `tokens`. */
interface TokenEntry { name: string; sha256: string; scope: Scope }

/** What the command reads a token from with `--hash` (process.stdin unless a test gives one). */
type TokenIO = CommandIO & { stdin?: NodeJS.ReadableStream & { isTTY?: boolean } };

/** The option a pointer of the minimal configuration `{ tokens: [entry] }` comes from. */
function optionOf(pointer: string): string {
  if (pointer.startsWith('/tokens/0/name')) return '--name';
  if (pointer.startsWith('/tokens/0/scope/territories')) return '--territory';
  if (pointer.startsWith('/tokens/0/scope/rights')) return '--rights';
  return '--hash';
}

/**
 * `--territory` values: `all`, or level:code pairs (repeated or comma-separated) of existing
 * territories. A custom territory is the collector's own (its configuration or an extension
 * declares it): it is named in `notes`, to be checked there.
 */
function territoriesOf(values: readonly string[], notes: Bilingual[]): Scope['territories'] {
  if (values.length === 1 && values[0]!.trim() === 'all') return 'all';
  if (values.some((v) => v.split(',').some((t) => t.trim() === 'all'))) {
    throw new CommandError({ fr: '--territory all couvre tout le réseau : ne le combinez avec aucun autre territoire', en: '--territory all covers the whole network: combine it with no other territory' }, EXIT.USAGE);
  }
  const parsed = parseTerritoryQuery(values);
  if ('error' in parsed) {
    throw new CommandError(parsed.code === 'network-results-only' ? queryRefusalWords(parsed, 'token') : { fr: `--territory : ${parsed.error.fr}`, en: `--territory: ${parsed.error.en}` }, EXIT.USAGE);
  }
  const directory = new TerritoryDirectory();
  const unknown = parsed.filter((t) => t.level !== 'custom' && !directory.exists(t));
  if (unknown.length) {
    const words = unknown.map((t) => text('unknown-territory', { code: t.code, level: t.level }));
    throw new CommandError({ fr: `--territory : ${words.map((w) => w.fr).join(' ; ')}`, en: `--territory: ${words.map((w) => w.en).join('; ')}` });
  }
  for (const t of parsed.filter((x) => x.level === 'custom')) {
    notes.push({
      fr: `custom:${t.code} n’est pas un territoire officiel : vérifiez qu’il est déclaré dans "customTerritories" de la configuration ou par une extension, sinon le jeton n’y lit rien`,
      en: `custom:${t.code} is not an official territory: check that the configuration's "customTerritories" or an extension declares it, else the token reads nothing there`,
    });
  }
  // Same territory twice: once is enough.
  const seen = new Set<string>();
  return parsed.filter((t: TerritoryRef) => !seen.has(territoryKey(t)) && seen.add(territoryKey(t)));
}

/**
 * The entry, checked by the collector's configuration loader as if it stood in a configuration
 * file; its problems are reported against the option they come from.
 */
function checkedEntry(entry: TokenEntry): TokenEntry {
  try {
    resolveConfig({ questionnaires: [{ build: '.' }], tokens: [entry] }, { file: 'olva token', baseDir: process.cwd(), env: {} });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const lines = (l: Lang) => e.problems.map((p) => `${optionOf(p.pointer)}${l === 'fr' ? ' : ' : ': '}${p.message[l]} [${p.rule}]`).join('\n');
    throw new CommandError({ fr: lines('fr'), en: lines('en') }, EXIT.USAGE);
  }
  return entry;
}

/** The token on stdin: one line, its surrounding blanks (a Windows line end, echo's space) left out. */
async function readToken(io: TokenIO, lang: Lang): Promise<string> {
  const stdin = io.stdin ?? process.stdin;
  if (stdin.isTTY) {
    say(io.stderr, lang, { fr: 'Collez le jeton puis appuyez sur Entrée :', en: 'Paste the token, then press Enter:' });
    const rl = readline.createInterface({ input: stdin, terminal: false });
    try {
      for await (const line of rl) return line.trim();
      return '';
    } finally {
      rl.close();
    }
  }
  let all = '';
  for await (const chunk of stdin) all += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return all.trim();
}

/** A token the collector would accept in `Authorization: Bearer`, long enough not to be guessed. */
function checkedToken(token: string): string {
  if (token.length < 16) {
    throw new CommandError({
      fr: `--hash : le jeton lu sur l’entrée standard a ${counted('fr', token.length, 'caractère', 'caractères')}, il en faut au moins 16 (olva token sans --hash en fabrique un)`,
      en: `--hash: the token read on standard input has ${counted('en', token.length, 'character', 'characters')}, at least 16 are needed (olva token without --hash makes one)`,
    });
  }
  // The collector's own reading of the header decides: a token it would never accept is refused here.
  const probe = createAuthorizer([{ name: 'probe', sha256: sha256Hex(token), scope: { territories: 'all', rights: ['read'] }, plain: false }]);
  if (!probe.authenticate(`Bearer ${token}`)) {
    throw new CommandError({
      fr: '--hash : le jeton lu sur l’entrée standard contient des espaces ou des caractères hors ASCII imprimable, ou dépasse 512 caractères : le collecteur ne l’accepterait jamais',
      en: '--hash: the token read on standard input holds spaces or characters outside printable ASCII, or is longer than 512 characters: the collector would never accept it',
    });
  }
  return token;
}

/** Runs `olva token`; resolves to the exit code. */
export async function run(argv: string[], io: TokenIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const parsed = parseCommand('token', argv, {
    name: { type: 'string' },
    territory: { type: 'string', multiple: true },
    rights: { type: 'string', multiple: true },
    hash: { type: 'boolean' },
  }, { usage, help }, io);
  if ('exit' in parsed) return parsed.exit;
  const v = parsed.values;
  try {
    if (parsed.positionals.length) {
      throw new CommandError({ fr: `argument inattendu « ${parsed.positionals[0]} »`, en: `unexpected argument "${parsed.positionals[0]}"` }, EXIT.USAGE);
    }
    const scoped = v.name !== undefined || v.territory !== undefined || v.rights !== undefined;
    const missing = [!v.name && '--name', !v.territory?.length && '--territory', !v.rights?.length && '--rights'].filter(Boolean);
    if ((!v.hash || scoped) && missing.length) {
      throw new CommandError({ fr: `il manque ${missing.join(', ')}`, en: `missing ${missing.join(', ')}` }, EXIT.USAGE);
    }
    const notes: Bilingual[] = [];
    const scope = scoped ? { territories: territoriesOf(v.territory!, notes), rights: v.rights!.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean) } : null;
    // The made token is checked before it is made: a refused entry prints no token.
    if (scope) checkedEntry({ name: v.name!, sha256: '0'.repeat(64), scope: scope as Scope });
    const token = v.hash ? checkedToken(await readToken(io, lang)) : `olva_${randomBytes(TOKEN_BYTES).toString('base64url')}`;
    const sha256 = sha256Hex(token);
    for (const note of notes) io.stderr.write(`olva token${lang === 'fr' ? ' : ' : ': '}${note[lang]}\n`);
    const entry = scope ? { name: v.name!, sha256, scope: scope as Scope } : null;
    if (v.json) {
      io.stdout.write(`${JSON.stringify({ ...(v.hash ? {} : { token }), ...(entry ? { entry } : { sha256 }) }, null, 2)}\n`);
      return EXIT.OK;
    }
    if (!v.hash) {
      say(io.stdout, lang, { fr: 'Jeton (affiché une seule fois, écrit nulle part : remettez-le à son destinataire) :', en: 'Token (printed once, written nowhere: hand it to its holder):' });
      io.stdout.write(`  ${token}\n\n`);
    }
    if (entry) {
      say(io.stdout, lang, { fr: 'Entrée à ajouter au tableau "tokens" de olva.config.json (ou de OLVA_TOKENS) :', en: 'Entry to add to the "tokens" array of olva.config.json (or of OLVA_TOKENS):' });
      io.stdout.write(`  ${JSON.stringify(entry)}\n`);
    } else {
      io.stdout.write(`"sha256": "${sha256}"\n`);
    }
    return EXIT.OK;
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    io.stderr.write(`olva token${lang === 'fr' ? ' : ' : ': '}${e.text[lang]}\n`);
    return e.exitCode;
  }
}
