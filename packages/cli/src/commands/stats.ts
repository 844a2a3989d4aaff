/**
 * `olva stats`: the sample monitoring document of `GET /v1/stats/sample`, printed as JSON,
 * reading the store directly. The sector question and expected distributions come from the
 * `stats` section of the configuration, or from `--expected <file.json>` (a JSON array of
 * expected distributions, the same shape as `stats.expected`). A territory and wave lists the
 * sectors of the core versions its responses were answered with, as `GET /v1/stats/sample`
 * does; the cockpit reads the configuration's `waves` instead (see the collector's README).
 */
import { sampleStats, type ExpectedDistribution, type StatsConfig } from '@olva/collector';
import { parseCommand } from '../args.js';
import { EXIT, pickLang, type Bilingual, type CommandIO } from '../io.js';
import { openRead, readOptions, reportError, type OpenedRead } from './export.js';
import { readExpected } from '../analysis-input.js';

export const usage: Bilingual = {
  fr: 'olva stats --config <olva.config.json> [--questionnaire <id>] [--wave <millésime>] [--territory <niveau:code>] [--expected <fichier.json>] : suivi de l’échantillon (par secteur, source et canal) en JSON',
  en: 'olva stats --config <olva.config.json> [--questionnaire <id>] [--wave <wave>] [--territory <level:code>] [--expected <file.json>]: sample monitoring (by sector, source and channel) as JSON',
};

const help: Bilingual = {
  fr: `${usage.fr}
  Réponses par territoire et millésime, par secteur principal (comparé à la répartition attendue des
  associations du territoire quand elle est fournie : section "stats" de la configuration ou --expected),
  par source et par canal. Les secteurs listés pour un territoire et un millésime sont ceux des versions du
  tronc commun avec lesquelles ses réponses ont été données (le suivi, /suivi/, montre ceux des versions
  que la section "waves" de la configuration accepte pour le millésime).
  --sector-question <id>    question du secteur principal (défaut secteur_principal)
  --database <url>          sqlite:<chemin> ou postgres://…`,
  en: `${usage.en}
  Responses per territory and wave, by main sector (against the expected distribution of the
  territory's associations when supplied: "stats" section of the configuration or --expected),
  by source and by channel. The sectors listed for a territory and wave are those of the core versions
  its responses were answered with (the cockpit, /suivi/, shows those of the versions the configuration's
  "waves" accepts for the wave).
  --sector-question <id>    main-sector question (default secteur_principal)
  --database <url>          sqlite:<path> or postgres://…`,
};

/** Runs `olva stats`; resolves to the exit code. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const parsed = parseCommand('stats', argv, { ...readOptions, 'sector-question': { type: 'string' }, expected: { type: 'string' } }, { usage, help }, io);
  if ('exit' in parsed) return parsed.exit;
  const v = parsed.values;
  let opened: OpenedRead | undefined;
  try {
    let expected: ExpectedDistribution[] | undefined;
    if (v.expected) {
      expected = readExpected(v.expected);
    }
    opened = await openRead(v, false);
    const configured: StatsConfig | undefined = opened.config?.stats;
    const wanted = opened.query.questionnaire;
    const stats = await sampleStats(opened.store.stream(opened.filter), {
      compiled: opened.known.filter((c) => !wanted || c.questionnaire.id === wanted),
      sectorQuestion: v['sector-question'] ?? configured?.sectorQuestion,
      expected: expected ?? configured?.expected,
    });
    io.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
    return EXIT.OK;
  } catch (e) {
    return reportError('stats', e, io, lang);
  } finally {
    await opened?.close();
  }
}
