/**
 * `olva demo` (what `npm start` runs): the collector on an embedded SQLite database
 * (.olva-data/demo.sqlite) with examples/demo/olva.config.json, serving a municipal page
 * that embeds the survey, the embed bundle and the questionnaire builds. Prints where to
 * answer and how to read the stored responses back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCollector, demoRoutes, IFRAME_PAGE_DIR, seedCockpitDemo, type Collector } from '@olva/collector';
import { parse } from '../args.js';
import { EXIT, pickLang, say, sayBoth, usageMistake, type Bilingual, type CommandIO } from '../io.js';
import { configWith, reportStartFailure, serveUntilSignal } from './serve.js';
import { demoSeedGroups, seedDemoResponses } from '../demo-seed.js';

export const usage: Bilingual = {
  fr: 'olva demo [--port <n>] [--data <dossier>] [--origin <url>]… [--seed-responses] : lance la démonstration depuis le dépôt olva (page municipale, questionnaire embarqué, collecteur SQLite) ; port 8080 ou OLVA_PORT ; --data garde la base dans <dossier>/demo.sqlite (sinon .olva-data/ du dépôt) ; --origin autorise en plus une page à vous à envoyer des réponses (http(s)://hôte[:port], répétable : --origin http://localhost:3000) ; --seed-responses enregistre d’abord ~640 réponses générées (source « generated ») : Rennes et 6 autres territoires, millésimes 2025 et 2026',
  en: 'olva demo [--port <n>] [--data <dir>] [--origin <url>]… [--seed-responses]: runs the demo from the olva repository (municipal page, embedded survey, SQLite collector); port 8080 or OLVA_PORT; --data keeps the database in <dir>/demo.sqlite (else the repository\'s .olva-data/); --origin also lets a page of yours send responses (http(s)://host[:port], repeatable: --origin http://localhost:3000); --seed-responses first stores ~640 generated responses (source "generated"): Rennes and 6 other territories, waves 2025 and 2026',
};

/** The repository root: the nearest parent holding examples/demo/olva.config.json. */
export function findRoot(start: string): string | null {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'examples', 'demo', 'olva.config.json'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Clear demo tokens of the demo configuration, by name. */
function demoTokens(file: string): Record<string, string> {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { tokens?: { name: string; token?: string }[] };
  return Object.fromEntries((raw.tokens ?? []).filter((t) => t.token).map((t) => [t.name, t.token!]));
}

/**
 * Stores the generated responses of the demo's builds (core, core + Rennes, core + Lorient);
 * the words to say instead when one of them is not built.
 */
async function seedDemo(collector: Collector): Promise<number | Bilingual> {
  const all = await collector.registry.all();
  const build = (extension: string | null) => all.find((c) => c.questionnaire.id === 'olva-core' && (c.extension?.id ?? null) === extension);
  const [core, rennes, lorient] = [build(null), build('rennes-2026'), build('lorient-agglo-2026')];
  if (!core || !rennes || !lorient) {
    const missing = [core ? null : 'olva-core', rennes ? null : 'olva-core + rennes-2026', lorient ? null : 'olva-core + lorient-agglo-2026'].filter((m) => m !== null).join(', ');
    return {
      fr: `olva demo : --seed-responses demande les questionnaires de la démo, et build/questionnaires n’a pas ${missing} ; lancez d’abord npm run build.`,
      en: `olva demo: --seed-responses needs the demo's questionnaires, and build/questionnaires lacks ${missing}; run npm run build first.`,
    };
  }
  return seedDemoResponses(collector.store, demoSeedGroups({ core, rennes, lorient }));
}

/** Runs `olva demo`. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const env = io.env ?? process.env;
  const lang = pickLang(argv, env);
  const args = parse(argv, { port: { type: 'string', short: 'p' }, data: { type: 'string' }, origin: { type: 'string', multiple: true }, 'seed-responses': { type: 'boolean' } });
  if (!args.ok) return usageMistake(io.stderr, lang, 'demo', args.error, usage);
  if (args.values.help) { sayBoth(io.stdout, usage); return EXIT.OK; }
  const origins = demoOrigins(args.values.origin ?? []);
  if (!origins.ok) return usageMistake(io.stderr, lang, 'demo', origins.problem, usage);
  const root = findRoot(process.cwd()) ?? findRoot(path.dirname(fileURLToPath(import.meta.url)));
  if (!root) {
    say(io.stderr, lang, { fr: 'olva demo : examples/demo/olva.config.json introuvable ; lancez la démo depuis le dépôt olva.', en: 'olva demo: examples/demo/olva.config.json not found; run the demo from the olva repository.' });
    return EXIT.INVALID;
  }
  const file = path.join(root, 'examples', 'demo', 'olva.config.json');
  const database = demoDatabase(args.values.data);
  if (database && !database.ok) {
    say(io.stderr, lang, database.problem);
    return EXIT.INVALID;
  }
  // The demo always runs on its own embedded database, whatever the environment says; `--data`
  // only moves that file, so that a workshop or a second checkout starts from an empty one.
  const demoEnv = { ...env, OLVA_DATABASE_URL: database?.url, OLVA_TOKENS: undefined };
  let collector: Collector;
  // The cockpit's example responses are not announced as if someone had just answered.
  let seeding = false;
  let base: string;
  try {
    const { config } = configWith(file, demoEnv, args.values.port);
    collector = await createCollector({
      // A page of the user's own, on their machine or their site, may post like the demo's page.
      config: { ...config, origins: [...config.origins, ...origins.origins.map((origin) => ({ origin, territories: 'all' as const }))] },
      extraRoutes: (app) => demoRoutes(app, {
        municipalDir: path.join(root, 'examples', 'municipal'),
        iframeDir: IFRAME_PAGE_DIR,
        embedDir: path.join(root, 'packages', 'embed', 'dist'),
        resultsEmbedDir: path.join(root, 'packages', 'results-element', 'dist'),
        questionnairesDir: path.join(root, 'build', 'questionnaires'),
      }),
      onStored: ({ submissionId, buildId, territory }) => seeding || say(io.stdout, lang, {
        fr: `✓ réponse ${submissionId} enregistrée (${buildId}, ${territory.level} ${territory.code})`,
        en: `✓ response ${submissionId} stored (${buildId}, ${territory.level} ${territory.code})`,
      }),
    });
    // The cockpit (/suivi/) needs a collection to show: a few responses and a planted duplicate.
    seeding = true;
    await seedCockpitDemo(collector).catch((error: unknown) => say(io.stderr, lang, {
      fr: `olva demo : collecte d’exemple du suivi non créée : ${(error as Error).message}`,
      en: `olva demo: example collection of the cockpit not created: ${(error as Error).message}`,
    }));
    seeding = false;
    if (args.values['seed-responses']) {
      const created = await seedDemo(collector);
      if (typeof created !== 'number') {
        say(io.stderr, lang, created);
        await collector.close();
        return EXIT.INVALID;
      }
      say(io.stdout, lang, seedSummary(created));
      // The configuration names the repository's database; under --data the command must read the other one.
      const analyse = `${database ? `OLVA_DATABASE_URL=${database.url} ` : ''}olva analyse --config examples/demo/olva.config.json --wave 2026 --territory commune:35238 --previous-wave 2025 --out rennes-2026.json`;
      say(io.stdout, lang, { fr: `  résultats de Rennes : ${analyse}`, en: `  Rennes' results: ${analyse}` });
      const network = analyse.replace('commune:35238', 'network:all').replace('rennes-2026.json', 'reseau-2026.json');
      say(io.stdout, lang, { fr: `  résultats de l’ensemble du réseau : ${network}`, en: `  the whole network's results: ${network}` });
    }
    const address = new URL(await collector.listen());
    base = `http://${address.hostname === '0.0.0.0' ? '127.0.0.1' : address.hostname}:${address.port}`;
  } catch (error) {
    return reportStartFailure(error, io, lang, 'demo');
  }
  const tokens = demoTokens(file);
  const national = tokens['rnma-national'] ?? Object.values(tokens)[0] ?? '';
  // The generated responses have a 2025 wave to compare with; a fresh demo has only 2026.
  const seeded = args.values['seed-responses'] === true;
  const publication = `${base}/v1/results/commune:35238/2026/publication${seeded ? '?previousWave=2025' : ''}`;
  const networkPublication = `${base}/v1/results/network:all/2026/publication${seeded ? '?previousWave=2025' : ''}`;
  const lines: Bilingual[] = [
    { fr: '', en: '' },
    { fr: `Démo OLVA prête : ouvrez ${base}/ et répondez au questionnaire.`, en: `OLVA demo ready: open ${base}/ and answer the survey.` },
    { fr: `  base de données : ${database?.file ?? '.olva-data/demo.sqlite'} (SQLite embarqué)`, en: `  database: ${database?.file ?? '.olva-data/demo.sqlite'} (embedded SQLite)` },
    // The configuration names the repository's database: olva analyse, crosstab, export… would read that one.
    ...(database ? [{
      fr: `  olva analyse, crosstab, export… --config examples/demo/olva.config.json la lisent avec OLVA_DATABASE_URL=${database.url} (sinon : .olva-data/demo.sqlite)`,
      en: `  olva analyse, crosstab, export… --config examples/demo/olva.config.json read it with OLVA_DATABASE_URL=${database.url} (else: .olva-data/demo.sqlite)`,
    }] : []),
    { fr: `  jeton national (tous les territoires) : ${national}`, en: `  national token (every territory): ${national}` },
    ...Object.entries(tokens).filter(([name]) => name !== 'rnma-national').map(([name, token]) => ({ fr: `  jeton territorial « ${name} » : ${token}`, en: `  territorial token "${name}": ${token}` })),
    ...origins.origins.map((origin) => ({ fr: `  page autorisée en plus à envoyer des réponses : ${origin}`, en: `  page also allowed to send responses: ${origin}` })),
    { fr: `  suivi de la collecte (jeton « rennes » ou national) : ${base}/suivi/`, en: `  collection cockpit (token "rennes" or national): ${base}/suivi/` },
    { fr: '  relire les réponses enregistrées :', en: '  read the stored responses back:' },
    { fr: `  curl -H "Authorization: Bearer ${national}" "${base}/v1/responses?limit=10"`, en: `  curl -H "Authorization: Bearer ${national}" "${base}/v1/responses?limit=10"` },
    { fr: '  publier les résultats de Rennes, visibles ensuite sur /resultats.html : dans le suivi (jeton « rennes », vue de Rennes, « Publier les résultats »), ou :', en: '  publish the results of Rennes, then shown on /resultats.html: in the cockpit (token "rennes", the view of Rennes, "Publish the results"), or:' },
    { fr: `  curl -X PUT -H "Authorization: Bearer ${tokens.rennes ?? ''}" "${publication}"`, en: `  curl -X PUT -H "Authorization: Bearer ${tokens.rennes ?? ''}" "${publication}"` },
    { fr: '  publier les chiffres de l’ensemble du réseau (network:all) : dans le suivi (jeton national, vue du réseau, « Publier les résultats »), ou :', en: '  publish the whole network\'s figures (network:all): in the cockpit (national token, the network\'s view, "Publish the results"), or:' },
    { fr: `  curl -X PUT -H "Authorization: Bearer ${national}" "${networkPublication}"`, en: `  curl -X PUT -H "Authorization: Bearer ${national}" "${networkPublication}"` },
    // A few responses only: the network less Rennes would be read by difference once both are public.
    ...(seeded ? [] : [{
      fr: '  (sans --seed-responses, le second de Rennes et du réseau publié est refusé, 409 results/nested-difference, tant que le réseau hors de Rennes compte moins de 10 réponses)',
      en: '  (without --seed-responses, the second of Rennes and the network to be published is refused, 409 results/nested-difference, while the network outside Rennes has fewer than 10 responses)',
    }]),
    { fr: '  (Ctrl+C pour arrêter ; ces jetons en clair ne valent que pour la démo)', en: '  (Ctrl+C to stop; these clear tokens are for the demo only)' },
    { fr: '', en: '' },
  ];
  for (const l of lines) say(io.stdout, lang, l);
  return serveUntilSignal(collector);
}

/**
 * The origins given with `--origin`, each as a browser sends it in its `Origin` header: the
 * collector compares that header with its `origins` as text, so `http://Localhost:3000/` or a
 * page's address would never match; they are refused with the form to give instead.
 */
export function demoOrigins(given: string[]): { ok: true; origins: string[] } | { ok: false; problem: Bilingual } {
  for (const value of given) {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (url?.origin !== value || !/^https?:$/.test(url.protocol)) {
      const instead = url && /^https?:$/.test(url.protocol) ? { fr: ` (ici : --origin ${url.origin})`, en: ` (here: --origin ${url.origin})` } : { fr: '', en: '' };
      return { ok: false, problem: {
        fr: `--origin ${value} n’est pas une origine : http:// ou https://, l’hôte en minuscules, le port s’il y en a un, sans chemin ni « / » final${instead.fr}`,
        en: `--origin ${value} is not an origin: http:// or https://, the host in lower case, the port if any, without a path or a trailing "/"${instead.en}`,
      } };
    }
  }
  return { ok: true, origins: [...new Set(given)] };
}

/**
 * The demo's database under `--data <dir>`: `<dir>/demo.sqlite`, the folder made if missing.
 * A path that exists and is not a folder is refused by name (SQLite would otherwise fail on a
 * file path joined under a file, with a message about the file, not the option).
 */
export function demoDatabase(dir: string | undefined):
  | undefined
  | { ok: true; url: string; file: string }
  | { ok: false; url: undefined; file: undefined; problem: Bilingual } {
  if (dir === undefined) return undefined;
  const folder = path.resolve(dir);
  if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) {
    return { ok: false, url: undefined, file: undefined, problem: {
      fr: `olva demo : --data ${dir} n’est pas un dossier ; donnez le dossier où garder demo.sqlite.`,
      en: `olva demo: --data ${dir} is not a folder; give the folder where demo.sqlite is kept.`,
    } };
  }
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'demo.sqlite');
  return { ok: true, url: `sqlite:${file}`, file };
}

/**
 * What `--seed-responses` says it stored. A second start finds the generated responses
 * already there (the seed is fixed): "0 stored" would read as a failure.
 */
export function seedSummary(created: number): { fr: string; en: string } {
  return created > 0 ? {
    fr: `✓ ${created} réponses générées enregistrées (source « generated ») : Rennes, Lorient Agglomération et la commune de Lorient en son sein, Brest, Nantes, Saint-Malo, Vannes ; millésimes 2025 et 2026`,
    en: `✓ ${created} generated responses stored (source "generated"): Rennes, Lorient Agglomération and the commune of Lorient inside it, Brest, Nantes, Saint-Malo, Vannes; waves 2025 and 2026`,
  } : {
    fr: '✓ réponses générées déjà enregistrées par un lancement précédent (source « generated ») : rien d’ajouté',
    en: '✓ generated responses already stored by an earlier start (source "generated"): nothing added',
  };
}
