/**
 * `olva preview <extension.json> [--core <core.json>] [--port <n>] [--lang fr|en]`: serves the
 * core plus the extension in `<olva-survey>` on localhost, with the paper form and the
 * codebook of the current build, and rebuilds and reloads the pages on every save. A build
 * that fails keeps the last good one on show and lists the compiler's problems in the page.
 * Answers given in the preview are never sent anywhere.
 */
import { existsSync } from 'node:fs';
import { formatProblem } from '@olva/compiler';
import { parse } from '../args.js';
import { defaultCorePath } from '../core-path.js';
import { EXIT, pickLang, say, sayBoth, usageMistake, type Bilingual, type CommandIO } from '../io.js';
import { summary } from '../report.js';
import { startPreview, type Preview } from '../preview/server.js';
import type { PreviewState } from '../preview/builder.js';
import { embedPath } from '../site-files.js';

/** One line on how to call the command. */
export const usage = {
  fr: 'olva preview <extension.json> [--core <tronc-commun.json>] [--port <n>] [--lang fr|en] — aperçu en direct dans le navigateur (port 4173 par défaut ; sans extension : olva preview --core <fichier>)',
  en: 'olva preview <extension.json> [--core <core.json>] [--port <n>] [--lang fr|en] — live preview in the browser (port 4173 by default; without an extension: olva preview --core <file>)',
};

/** The default port (the one Vite's preview uses, rarely taken by a collector). */
const DEFAULT_PORT = 4173;


/**
 * The terminal's line after a build: a failed first build has no earlier version to keep
 * showing, and the page says so; the line says the same, not that one stays on show.
 */
export function builtLine(state: Pick<PreviewState, 'number' | 'problems' | 'ok' | 'good'>): Bilingual {
  if (state.ok) return { fr: `✓ compilation n° ${state.number} (${summary('fr', state.problems)})`, en: `✓ build ${state.number} (${summary('en', state.problems)})` };
  const kept = state.good
    ? { fr: 'la dernière version valide reste affichée', en: 'the last valid version stays on show' }
    : { fr: 'aucune compilation n’a encore réussi : corrigez et enregistrez', en: 'no build has succeeded yet: fix and save' };
  return { fr: `✗ compilation n° ${state.number} : ${summary('fr', state.problems)} ; ${kept.fr}`, en: `✗ build ${state.number}: ${summary('en', state.problems)}; ${kept.en}` };
}

/** Runs `olva preview` until SIGINT or SIGTERM. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const args = parse(argv, { core: { type: 'string', short: 'c' }, port: { type: 'string', short: 'p' } });
  const usageError = (fr: string, en: string) => usageMistake(io.stderr, lang, 'preview', { fr, en }, usage);
  if (!args.ok) return usageError(args.error.fr, args.error.en);
  if (args.values.help) { sayBoth(io.stdout, usage); return EXIT.OK; }
  if (args.positionals.length > 1) return usageError('indiquez une seule extension.', 'give one extension only.');
  const extension = args.positionals[0] ?? null;
  if (!extension && !args.values.core) return usageError('indiquez l’extension (ou --core <fichier> pour le seul tronc commun).', 'give the extension (or --core <file> for the core alone).');
  const port = args.values.port === undefined ? DEFAULT_PORT : Number(args.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(`port invalide : ${args.values.port}`, `invalid port: ${args.values.port}`);
  const core = args.values.core ?? defaultCorePath();
  const missing = [core, extension].find((f) => f && !existsSync(f));
  if (missing) {
    say(io.stderr, lang, { fr: `olva preview : fichier introuvable : ${missing}`, en: `olva preview: file not found: ${missing}` });
    return EXIT.INVALID;
  }
  const embedJs = embedPath();
  if (!embedJs) {
    say(io.stderr, lang, {
      fr: 'olva preview : le composant embarqué est introuvable : installez @olva/embed à côté de @olva/cli (dans le dépôt olva : npm run build).',
      en: 'olva preview: the embed bundle is missing: install @olva/embed beside @olva/cli (in the olva repository: npm run build).',
    });
    return EXIT.INVALID;
  }

  let preview: Preview;
  try {
    preview = await startPreview({
      core, extension, port, lang, embedJs,
      onBuilt: (state) => {
        for (const p of state.problems) io.stderr.write(`${formatProblem(p, lang)}\n`);
        say(state.ok ? io.stdout : io.stderr, lang, builtLine(state));
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    say(io.stderr, lang, { fr: `olva preview : démarrage impossible (${code}) ; essayez un autre --port.`, en: `olva preview: cannot start (${code}); try another --port.` });
    return EXIT.INVALID;
  }
  say(io.stdout, lang, {
    fr: `Aperçu prêt : ${preview.url} (recompilé à chaque enregistrement ; les réponses ne sont jamais envoyées ; Ctrl+C pour arrêter)`,
    en: `Preview ready: ${preview.url} (rebuilt on every save; answers are never sent; Ctrl+C to stop)`,
  });
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await preview.close();
  return EXIT.OK;
}
