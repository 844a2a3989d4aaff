/**
 * `olva purge --config <file>`: applies the retention period of each questionnaire and logs
 * how many responses it deleted (never their content), then the retention of personal answers
 * (`personalRetention`: the answers of questions marked personal leave older responses, the
 * rest stays). With `--submission <id>` (repeatable) it erases those responses on request
 * instead; with `--personal-only` it applies `personalRetention` only, or with `--before <date>`
 * removes the personal answers of every response received before that date.
 */
import {
  ConfigError, databaseErrorWords, loadConfig, maskUrl, openStore, purgeExpired, purgePersonalBefore, purgePersonalExpired,
  type PersonalPurgeReport, type ResponseStore,
} from '@olva/collector';
import { counted, plural } from '@olva/schema';
import { parse } from '../args.js';
import { reportConfigError } from '../config-problems.js';
import { printJson } from '../report.js';
import { EXIT, pickLang, say, sayBoth, usageMistake, type Bilingual, type CommandIO } from '../io.js';

export const usage: Bilingual = {
  fr: 'olva purge --config <olva.config.json> [--submission <id>…] [--personal-only [--before <date>] [--questionnaire <id>]] [--json] : supprime les réponses au-delà de la durée de conservation (et les réponses personnelles au-delà de la leur), ou efface des réponses sur demande',
  en: 'olva purge --config <olva.config.json> [--submission <id>…] [--personal-only [--before <date>] [--questionnaire <id>]] [--json]: deletes responses past their retention period (and personal answers past theirs), or erases responses on request',
};

const help: Bilingual = {
  fr: `${usage.fr}
  --submission <id>     efface cette réponse (répétable), sur demande de la personne
  --personal-only       ne retire que les réponses aux questions marquées personnelles (nom, RNA, courriel,
                        commentaire), en gardant le reste de chaque réponse : selon "personalRetention", ou
  --before <date>       … de toutes les réponses reçues avant cette date (AAAA-MM-JJ ou RFC 3339)
  --questionnaire <id>  avec --before : ce questionnaire seulement (défaut : tous ceux de la base)
  --json                le compte rendu en JSON`,
  en: `${usage.en}
  --submission <id>     erases this response (repeatable), on the person's request
  --personal-only       removes only the answers of questions marked personal (name, RNA, e-mail, comment),
                        keeping the rest of each response: by "personalRetention", or
  --before <date>       … from every response received before that date (YYYY-MM-DD or RFC 3339)
  --questionnaire <id>  with --before: this questionnaire only (default: every one in the database)
  --json                the report as JSON`,
};

const DATE = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/;
const QUESTIONNAIRE_ID = /^[a-z][a-z0-9-]*$/;

/** One line of the report of a purge of personal answers (never their content). */
function personalLine(r: PersonalPurgeReport): Bilingual {
  const questions = r.questions.length ? r.questions.join(', ') : '—';
  const days = r.retentionDays;
  return {
    fr: `${r.questionnaireId} : réponses personnelles (${questions}) retirées de ${counted('fr', r.responses, 'réponse reçue', 'réponses reçues')} avant le ${r.before}${days === undefined ? '' : ` (conservation ${counted('fr', days, 'jour', 'jours')})`}`,
    en: `${r.questionnaireId}: personal answers (${questions}) removed from ${counted('en', r.responses, 'response', 'responses')} received before ${r.before}${days === undefined ? '' : ` (retention ${counted('en', days, 'day', 'days')})`}`,
  };
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Runs `olva purge`. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const env = io.env ?? process.env;
  const lang = pickLang(argv, env);
  const args = parse(argv, {
    config: { type: 'string', short: 'c' }, database: { type: 'string' }, submission: { type: 'string', multiple: true },
    'personal-only': { type: 'boolean' }, before: { type: 'string' }, questionnaire: { type: 'string', short: 'q' },
  });
  if (!args.ok) return usageMistake(io.stderr, lang, 'purge', args.error, usage);
  if (args.values.help) { sayBoth(io.stdout, help); return EXIT.OK; }
  const personalOnly = args.values['personal-only'] === true;
  const beforeText = args.values.before;
  const usageError = (text: Bilingual): number => {
    say(io.stderr, lang, { fr: `olva purge : ${text.fr}`, en: `olva purge: ${text.en}` });
    return EXIT.USAGE;
  };
  if ((beforeText !== undefined || args.values.questionnaire !== undefined) && !personalOnly) {
    return usageError({ fr: '--before et --questionnaire vont avec --personal-only', en: '--before and --questionnaire go with --personal-only' });
  }
  if (personalOnly && args.values.submission?.length) {
    return usageError({ fr: '--submission efface des réponses entières : pas avec --personal-only', en: '--submission erases whole responses: not with --personal-only' });
  }
  const before = beforeText === undefined ? null : new Date(beforeText);
  if (beforeText !== undefined && (!DATE.test(beforeText) || Number.isNaN(before!.getTime()))) {
    return usageError({ fr: `--before « ${beforeText} » n’est pas une date (AAAA-MM-JJ ou RFC 3339)`, en: `--before "${beforeText}" is not a date (YYYY-MM-DD or RFC 3339)` });
  }
  if (args.values.questionnaire !== undefined && (before === null || !QUESTIONNAIRE_ID.test(args.values.questionnaire))) {
    return usageError({ fr: '--questionnaire <id> va avec --before et suit ^[a-z][a-z0-9-]*$', en: '--questionnaire <id> goes with --before and matches ^[a-z][a-z0-9-]*$' });
  }
  const submissions = args.values.submission ?? [];
  const bad = submissions.find((s) => !UUID.test(s));
  if (bad !== undefined) {
    say(io.stderr, lang, { fr: `olva purge : « ${bad} » n’est pas un identifiant de réponse (UUID).`, en: `olva purge: "${bad}" is not a submission id (UUID).` });
    return EXIT.USAGE;
  }
  let store: ResponseStore;
  let retention: Record<string, number>;
  let personalRetention: Record<string, number>;
  let url = args.values.database ?? '';
  try {
    const { config } = loadConfig(args.values.config ?? 'olva.config.json', { ...env, ...(args.values.database ? { OLVA_DATABASE_URL: args.values.database } : {}) } as NodeJS.ProcessEnv);
    retention = config.retention;
    personalRetention = config.personalRetention;
    url = config.databaseUrl;
    store = await openStore(url, { mustExist: true });
    say(io.stderr, lang, { fr: `olva purge : base ${maskUrl(config.databaseUrl)}`, en: `olva purge: database ${maskUrl(config.databaseUrl)}` });
  } catch (error) {
    if (error instanceof ConfigError) {
      return reportConfigError(io.stderr, lang, { fr: 'olva purge : configuration invalide :', en: 'olva purge: invalid configuration:' }, error);
    }
    const said = databaseErrorWords(error, url);
    say(io.stderr, lang, { fr: `olva purge : ${said.fr}`, en: `olva purge: ${said.en}` });
    return EXIT.INVALID;
  }
  try {
    if (submissions.length) {
      const results: { submissionId: string; erased: boolean }[] = [];
      for (const id of submissions) results.push({ submissionId: id, erased: await store.delete(id) });
      if (args.values.json) printJson(io.stdout, { erased: results });
      else for (const r of results) say(io.stdout, lang, r.erased
        ? { fr: `réponse ${r.submissionId} effacée`, en: `response ${r.submissionId} erased` }
        : { fr: `réponse ${r.submissionId} introuvable : jamais reçue, ou déjà effacée (rien à effacer)`, en: `response ${r.submissionId} not found: never received, or already erased (nothing to erase)` });
      return results.every((r) => r.erased) ? EXIT.OK : EXIT.INVALID;
    }
    if (before !== null) {
      const ids = args.values.questionnaire !== undefined
        ? [args.values.questionnaire]
        : [...new Set((await store.listQuestionnaires()).map((c) => c.questionnaire.id))].sort();
      const personal: PersonalPurgeReport[] = [];
      for (const id of ids) personal.push(await purgePersonalBefore(store, id, before));
      if (args.values.json) printJson(io.stdout, { purged: [], personal });
      else for (const r of personal) say(io.stdout, lang, personalLine(r));
      return EXIT.OK;
    }
    const applied = personalOnly ? {} : retention;
    if (Object.keys(applied).length === 0 && Object.keys(personalRetention).length === 0) {
      say(io.stderr, lang, personalOnly
        ? { fr: 'olva purge : aucune durée de conservation des réponses personnelles ("personalRetention") dans la configuration ; rien à faire (ou --before <date>).', en: 'olva purge: no retention period for personal answers ("personalRetention") in the configuration; nothing to do (or --before <date>).' }
        : { fr: 'olva purge : aucune durée de conservation ("retention") dans la configuration ; rien à faire.', en: 'olva purge: no retention period ("retention") in the configuration; nothing to do.' });
      if (args.values.json) printJson(io.stdout, { purged: [], personal: [] });
      return EXIT.OK;
    }
    // Whole responses first: personal answers of responses about to go are not rewritten for nothing.
    const reports = await purgeExpired(store, applied);
    const personal = await purgePersonalExpired(store, personalRetention);
    if (args.values.json) printJson(io.stdout, { purged: reports, personal });
    else {
      for (const r of reports) say(io.stdout, lang, {
        fr: `${r.questionnaireId} : ${counted('fr', r.deleted, 'réponse reçue', 'réponses reçues')} avant le ${r.before} (conservation ${counted('fr', r.retentionDays, 'jour', 'jours')}) ${plural('fr', r.deleted, 'supprimée', 'supprimées')}`,
        en: `${r.questionnaireId}: ${counted('en', r.deleted, 'response', 'responses')} received before ${r.before} (retention ${counted('en', r.retentionDays, 'day', 'days')}) deleted`,
      });
      for (const r of personal) say(io.stdout, lang, personalLine(r));
    }
    return EXIT.OK;
  } finally {
    await store.close();
  }
}
