/**
 * `olva report key-figures|employers|full`: the documents of a territory from a results
 * document (`olva analyse`), as PDF (Debian's Chromium) or HTML, in French or English.
 * Not to be confused with `src/report.ts`, which prints the compiler's problems.
 */
import { REPORT_KINDS, ReportError, writeReport, type ReportKind } from '@olva/reports';
import { isTerritoryLevel } from '@olva/schema';
import { isNetworkTerritory, type TerritoryRef } from '@olva/analysis';
import { parse } from '../args.js';
import { commandPrefix, EXIT, pickLang, sayBoth, type Bilingual, type CommandIO } from '../io.js';

export const usage: Bilingual = {
  fr: 'olva report key-figures|employers|full --results <results.json> [--reference <fichier.csv>] [--comments <fichier.md>] [--territory <niveau:code>] [--wave <millésime>] [--lang fr|en] --out <fichier.pdf|fichier.html> : les chiffres clés (4 pages), la note sur les employeurs (2 pages) ou le rapport complet',
  en: 'olva report key-figures|employers|full --results <results.json> [--reference <file.csv>] [--comments <file.md>] [--territory <level:code>] [--wave <wave>] [--lang fr|en] --out <file.pdf|file.html>: the key figures (4 pages), the employers note (2 pages) or the full report',
};

const help: Bilingual = {
  fr: `${usage.fr}
  --results <fichier>      document de résultats (olva analyse)
  --territory <niveau:code>, --wave <millésime>
                           le groupe du document (par défaut : le seul territoire, sa dernière vague ; network:all,
                           l’ensemble du réseau, pour le document de olva analyse --territory network:all)
  --reference <fichier.csv> employers : établissements employeurs et postes salariés du territoire
                           (colonnes territoire, annee, secteur, etablissements_employeurs, postes_salaries[, etp, source])
  --comments <fichier.md>  full : commentaires de l’analyste, un titre « ## <id de question> » chacun
  --key-figures <fichier>  key-figures : déclaration des chiffres (défaut : celle du tronc commun)
  --out <fichier>          .pdf (Chromium de Debian) ou .html`,
  en: `${usage.en}
  --results <file>         results document (olva analyse)
  --territory <level:code>, --wave <wave>
                           the document's group (default: the only territory, at its latest wave; network:all, the
                           whole network, for the document of olva analyse --territory network:all)
  --reference <file.csv>   employers: employer establishments and salaried posts of the territory
                           (columns territoire, annee, secteur, etablissements_employeurs, postes_salaries[, etp, source])
  --comments <file.md>     full: the analyst's comments, each under a "## <question id>" heading
  --key-figures <file>     key-figures: the figures' declaration (default: the core's)
  --out <file>             .pdf (Debian's Chromium) or .html`,
};

/** Runs `olva report`; resolves to the exit code. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const parsed = parse(argv, {
    results: { type: 'string' }, reference: { type: 'string' }, comments: { type: 'string' }, 'key-figures': { type: 'string' },
    territory: { type: 'string' }, wave: { type: 'string' }, out: { type: 'string' },
  });
  const usageError = (text: Bilingual) => {
    io.stderr.write(`${commandPrefix('report', lang)}${text[lang]}\n`);
    sayBoth(io.stderr, usage);
    return EXIT.USAGE;
  };
  if (!parsed.ok) return usageError(parsed.error);
  const v = parsed.values;
  if (v.help) {
    sayBoth(io.stdout, help);
    return EXIT.OK;
  }
  const kind = parsed.positionals[0];
  if (!kind || !(REPORT_KINDS as readonly string[]).includes(kind) || parsed.positionals.length > 1) {
    return usageError({ fr: `document attendu : ${REPORT_KINDS.join(', ')}`, en: `expected a document: ${REPORT_KINDS.join(', ')}` });
  }
  if (!v.results) return usageError({ fr: 'indiquez --results <results.json>', en: 'give --results <results.json>' });
  if (!v.out || !/\.(pdf|html?)$/i.test(v.out)) return usageError({ fr: 'indiquez --out <fichier.pdf> ou <fichier.html>', en: 'give --out <file.pdf> or <file.html>' });
  if (v.lang !== undefined && v.lang !== 'fr' && v.lang !== 'en') return usageError({ fr: '--lang vaut fr ou en', en: '--lang is fr or en' });
  let territory: TerritoryRef | undefined;
  if (v.territory) {
    const [level, code] = v.territory.split(':');
    const t = { level: level ?? '', code: code ?? '' };
    if (!(isTerritoryLevel(level) && code) && !isNetworkTerritory(t)) {
      return usageError({ fr: `--territory niveau:code (ex. commune:35238, ou network:all pour l’ensemble du réseau), lu « ${v.territory} »`, en: `--territory level:code (e.g. commune:35238, or network:all for the whole network), got "${v.territory}"` });
    }
    territory = t as TerritoryRef;
  }
  try {
    const pages = await writeReport({
      kind: kind as ReportKind, results: v.results, reference: v.reference, comments: v.comments, keyFigures: v['key-figures'],
      lang, territory, wave: v.wave,
    }, v.out);
    io.stdout.write(pages === null
      ? (lang === 'en' ? `olva report: ${v.out} written\n` : `olva report : ${v.out} écrit\n`)
      : (lang === 'en' ? `olva report: ${v.out} written (${pages} pages)\n` : `olva report : ${v.out} écrit (${pages} pages)\n`));
    return EXIT.OK;
  } catch (e) {
    if (e instanceof ReportError) {
      io.stderr.write(`${commandPrefix('report', lang)}${e.describe(lang)}\n`);
      return EXIT.INVALID;
    }
    throw e;
  }
}
