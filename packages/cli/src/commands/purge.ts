/**
 * `olva purge --config <file>`: applies the retention period of each questionnaire and logs
 * how many responses it deleted (never their content). With `--submission <id>` (repeatable)
 * it erases those responses on request instead.
 */
import { ConfigError, formatProblem, loadConfig, maskUrl, openStore, purgeExpired, type ResponseStore } from '@olva/collector';
import { parse } from '../args.js';
import { printJson } from '../report.js';
import { EXIT, pickLang, say, sayBoth, type Bilingual, type CommandIO } from '../io.js';

export const usage: Bilingual = {
  fr: 'olva purge --config <olva.config.json> [--submission <id>…] [--json] : supprime les réponses au-delà de la durée de conservation, ou efface des réponses sur demande',
  en: 'olva purge --config <olva.config.json> [--submission <id>…] [--json]: deletes responses past their retention period, or erases responses on request',
};

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Runs `olva purge`. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const env = io.env ?? process.env;
  const lang = pickLang(argv, env);
  const args = parse(argv, { config: { type: 'string', short: 'c' }, database: { type: 'string' }, submission: { type: 'string', multiple: true } });
  if (!args.ok) {
    say(io.stderr, lang, { fr: `olva purge : ${args.error}`, en: `olva purge: ${args.error}` });
    sayBoth(io.stderr, usage);
    return EXIT.USAGE;
  }
  if (args.values.help) { sayBoth(io.stdout, usage); return EXIT.OK; }
  const submissions = args.values.submission ?? [];
  const bad = submissions.find((s) => !UUID.test(s));
  if (bad !== undefined) {
    say(io.stderr, lang, { fr: `olva purge : « ${bad} » n'est pas un identifiant de réponse (UUID).`, en: `olva purge: "${bad}" is not a submission id (UUID).` });
    return EXIT.USAGE;
  }
  let store: ResponseStore;
  let retention: Record<string, number>;
  try {
    const { config } = loadConfig(args.values.config ?? 'olva.config.json', { ...env, ...(args.values.database ? { OLVA_DATABASE_URL: args.values.database } : {}) } as NodeJS.ProcessEnv);
    retention = config.retention;
    store = await openStore(config.databaseUrl);
    say(io.stderr, lang, { fr: `olva purge : base ${maskUrl(config.databaseUrl)}`, en: `olva purge: database ${maskUrl(config.databaseUrl)}` });
  } catch (error) {
    if (error instanceof ConfigError) {
      say(io.stderr, lang, { fr: 'olva purge : configuration invalide :', en: 'olva purge: invalid configuration:' });
      for (const p of error.problems) io.stderr.write(`  ${formatProblem(p, lang)}\n`);
    } else {
      say(io.stderr, lang, { fr: `olva purge : ${(error as Error).message}`, en: `olva purge: ${(error as Error).message}` });
    }
    return EXIT.INVALID;
  }
  try {
    if (submissions.length) {
      const results: { submissionId: string; erased: boolean }[] = [];
      for (const id of submissions) results.push({ submissionId: id, erased: await store.delete(id) });
      if (args.values.json) printJson(io.stdout, { erased: results });
      else for (const r of results) say(io.stdout, lang, r.erased
        ? { fr: `réponse ${r.submissionId} effacée`, en: `response ${r.submissionId} erased` }
        : { fr: `réponse ${r.submissionId} introuvable (rien à effacer)`, en: `response ${r.submissionId} not found (nothing to erase)` });
      return results.every((r) => r.erased) ? EXIT.OK : EXIT.INVALID;
    }
    if (Object.keys(retention).length === 0) {
      say(io.stderr, lang, { fr: 'olva purge : aucune durée de conservation ("retention") dans la configuration ; rien à faire.', en: 'olva purge: no retention period ("retention") in the configuration; nothing to do.' });
      if (args.values.json) printJson(io.stdout, { purged: [] });
      return EXIT.OK;
    }
    const reports = await purgeExpired(store, retention);
    if (args.values.json) printJson(io.stdout, { purged: reports });
    else for (const r of reports) say(io.stdout, lang, {
      fr: `${r.questionnaireId} : ${r.deleted} réponse(s) reçue(s) avant le ${r.before} (conservation ${r.retentionDays} jours) supprimée(s)`,
      en: `${r.questionnaireId}: ${r.deleted} response(s) received before ${r.before} (retention ${r.retentionDays} days) deleted`,
    });
    return EXIT.OK;
  } finally {
    await store.close();
  }
}
