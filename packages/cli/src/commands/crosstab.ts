/**
 * `olva crosstab`: the cross-tabulation of two questions (single choice, boolean or scale) as
 * published: counts with their row and column shares, totals, chi-square with its p-value and
 * Cramér's V, under the same disclosure rules as the results (a small count shows as "< 3", its
 * complement as "×"; the test only when nothing is hidden). Text, or the JSON of the results
 * document's `crosstabs` entries with `--json`.
 */
import { crossTabulate, isNetworkTerritory, DEFAULT_DISCLOSURE_RULES, NETWORK_NAME, type Crosstab, type CrosstabCell, type CrosstabTotal, type TerritoryRef } from '@olva/analysis';
import { EXIT, say, type Bilingual, type CommandIO, type Lang } from '../io.js';
import { territoryKey, type ResponsePayload } from '@olva/schema';
import { innerTerritories, networkPooled, notingTerritories } from './analyse.js';
import { inputHelp, loadRules, openAnalysisInput, parseAnalysisArgs, parseTerritoryOption, type AnalysisInput } from '../analysis-input.js';
import { CommandError, reportError } from './export.js';

export const usage: Bilingual = {
  fr: 'olva crosstab (--config <olva.config.json> | --responses <réponses.ndjson> --build <dossier>…) --rows <question> --cols <question> [--territory <niveau:code>] [--wave <millésime>] [--json] : tableau croisé protégé',
  en: 'olva crosstab (--config <olva.config.json> | --responses <payloads.ndjson> --build <dir>…) --rows <question> --cols <question> [--territory <level:code>] [--wave <wave>] [--json]: protected cross-tabulation',
};

const help: Bilingual = {
  fr: `${usage.fr}
${inputHelp.fr}
  --rows <question>         question en lignes (choix unique, oui/non ou échelle)
  --cols <question>         question en colonnes
  --territory <niveau:code> seulement ce territoire (avec ceux qu’il contient) ;
                            network:all : toutes les réponses, l’ensemble du réseau
  --wave <millésime>        seulement ce millésime (défaut : tous)
  --json                    le tableau en JSON (forme des crosstabs du document de résultats)
  Cases de moins de 3 associations : « < 3 » ; masquées en complément : « × ». Le χ² n’est donné que sans case masquée.`,
  en: `${usage.en}
${inputHelp.en}
  --rows <question>         question in rows (single choice, yes/no or scale)
  --cols <question>         question in columns
  --territory <level:code>  only this territory (with those inside it);
                            network:all: every response, the whole network
  --wave <wave>             only this wave (default: all of them)
  --json                    the table as JSON (the shape of the results document's crosstabs)
  Cells of fewer than 3 associations: "< 3"; hidden as complements: "×". Chi-square only when no cell is hidden.`,
};

const percent = (x: number | null, lang: Lang) => (x === null ? '' : `${(x * 100).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} %`.replace(' %', lang === 'fr' ? '\u00a0%' : '%'));

function count(c: CrosstabCell | CrosstabTotal, minCell: number): string {
  if (c.count !== null) return String(c.count);
  return c.suppressed === 'small' ? `< ${minCell}` : '×';
}

/** The table as aligned text: counts, then row shares and column shares. */
export function crosstabText(t: Crosstab, lang: Lang, minCell: number): string {
  const label = (l: { fr: string; en?: string } | undefined, code: string) => (l ? (lang === 'en' && l.en) || l.fr : code);
  const title = `${label(t.rows.label, t.rows.id)} × ${label(t.columns.label, t.columns.id)}`;
  const where = (x: TerritoryRef) => (isNetworkTerritory(x) ? `${NETWORK_NAME[lang]} (${territoryKey(x)})` : territoryKey(x));
  const scope = [t.territory ? where(t.territory) : (lang === 'fr' ? 'tous territoires' : 'all territories'), t.wave ?? (lang === 'fr' ? 'tous millésimes' : 'all waves')].join(', ');
  const lines = [title, `(${scope})`];
  if (t.withheldReason === 'filter-suppressed') {
    const filters = (t.withheldFilters ?? []).join(', ');
    lines.push(lang === 'fr'
      ? `Non publié : une question posée sous condition, dont les chiffres révéleraient un effectif masqué de sa question filtre (${filters}).`
      : `Not published: a question asked under a condition, whose figures would reveal a hidden count of its filter question (${filters}).`);
    return `${lines.join('\n')}\n`;
  }
  if (t.status === 'withheld' || !t.cells) {
    lines.push(lang === 'fr' ? 'Non publié : base trop petite ou petites cases impossibles à protéger.' : 'Not published: base too small or small cells that cannot be protected.');
    return `${lines.join('\n')}\n`;
  }
  const total = 'Total';
  const head = ['', ...t.columns.codes.map((c) => label(c.label, c.code)), total];
  const table = (cell: (i: number, j: number) => string, rowTotal: (i: number) => string, colTotal: (j: number) => string, corner: string): string[][] => [
    head,
    ...t.rows.codes.map((r, i) => [label(r.label, r.code), ...t.columns.codes.map((_, j) => cell(i, j)), rowTotal(i)]),
    [total, ...t.columns.codes.map((_, j) => colTotal(j)), corner],
  ];
  const render = (rows: string[][]) => {
    const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
    return rows.map((r) => r.map((x, k) => (k === 0 ? x.padEnd(widths[k]!) : x.padStart(widths[k]!))).join('  ').trimEnd());
  };
  const cells = t.cells;
  lines.push('', lang === 'fr' ? 'Effectifs' : 'Counts');
  lines.push(...render(table((i, j) => count(cells[i]![j]!, minCell), (i) => count(t.rowTotals![i]!, minCell), (j) => count(t.columnTotals![j]!, minCell), String(t.base))));
  lines.push('', lang === 'fr' ? 'Parts en ligne' : 'Row shares');
  // A hidden total has no 100 % to show either, nor an empty row.
  const whole = (total: CrosstabTotal) => (total.count === null || total.count === 0 ? '' : percent(1, lang));
  lines.push(...render(table((i, j) => percent(cells[i]![j]!.rowShare, lang), (i) => whole(t.rowTotals![i]!), (j) => percent(t.columnTotals![j]!.share, lang), percent(1, lang))));
  lines.push('', lang === 'fr' ? 'Parts en colonne' : 'Column shares');
  lines.push(...render(table((i, j) => percent(cells[i]![j]!.columnShare, lang), (i) => percent(t.rowTotals![i]!.share, lang), (j) => whole(t.columnTotals![j]!), percent(1, lang))));
  lines.push('');
  if (t.test) {
    const f = (x: number, d: number) => x.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: d });
    const p = t.test.p < 0.001 ? `< ${f(0.001, 3)}` : f(t.test.p, 3);
    lines.push(lang === 'fr'
      ? `χ² = ${f(t.test.statistic, 2)}, ddl = ${t.test.df}, p = ${p}, V de Cramér = ${f(t.test.cramersV, 3)}`
      : `χ² = ${f(t.test.statistic, 2)}, df = ${t.test.df}, p = ${p}, Cramér's V = ${f(t.test.cramersV, 3)}`);
    if (t.test.lowExpected) lines.push(lang === 'fr' ? 'Effectifs attendus faibles : p à lire avec prudence.' : 'Low expected counts: read p with care.');
  } else {
    const why = {
      'suppressed-cells': { fr: 'χ² non publié : des cases sont masquées (il permettrait de les retrouver).', en: 'Chi-square not published: some cells are hidden (it would give them away).' },
      'no-variation': { fr: 'χ² sans objet : moins de deux lignes ou colonnes non vides.', en: 'No chi-square: fewer than two non-empty rows or columns.' },
      withheld: { fr: 'χ² non publié.', en: 'Chi-square not published.' },
    }[t.testOmitted ?? 'withheld'];
    lines.push(why[lang]);
  }
  if (t.status === 'small') lines.push(lang === 'fr' ? `Petite base (${t.base}) : à lire avec prudence.` : `Small base (${t.base}): read with care.`);
  return `${lines.join('\n')}\n`;
}

/**
 * Said when a table pools several waves (no `--wave`): an association that answered two waves
 * counts twice, and the waves' questionnaires may differ.
 */
export function pooledWaves(waves: readonly string[]): Bilingual {
  return {
    fr: `olva crosstab : attention, ${waves.length} millésimes mêlés (${waves.join(', ')}) : une association qui a répondu à plusieurs compte plusieurs fois ; --wave <millésime> pour n’en garder qu’un.`,
    en: `olva crosstab: note, ${waves.length} waves pooled (${waves.join(', ')}): an association that answered several counts several times; --wave <wave> keeps one.`,
  };
}

/** Runs `olva crosstab`; resolves to the exit code. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseAnalysisArgs('crosstab', argv, {
    rows: { type: 'string' },
    cols: { type: 'string' },
    territory: { type: 'string', short: 't' },
    wave: { type: 'string', short: 'w' },
  }, { usage, help }, io);
  if ('exit' in parsed) return parsed.exit;
  const { values: v, lang, usageError } = parsed;
  if (!v.rows || !v.cols) return usageError('--rows <question> et --cols <question> sont obligatoires', '--rows <question> and --cols <question> are required');
  let input: AnalysisInput | undefined;
  try {
    const territory = parseTerritoryOption(v.territory);
    input = await openAnalysisInput(v);
    const rules = loadRules(v.rules) ?? input.rules;
    const waves = new Set<string>();
    let responses = 0;
    async function* noted(read: AsyncIterable<ResponsePayload>): AsyncIterable<ResponsePayload> {
      for await (const r of read) { waves.add(r.wave); responses += 1; yield r; }
    }
    // The territories inside the one asked for whose responses count in it (decision 0014), as in `olva analyse`.
    const inner = new Set<string>();
    const network = territory !== undefined && isNetworkTerritory(territory);
    // The territories the network pools, as read (every response is in it: no geography to load).
    const pooled = new Set<string>();
    const read = noted(input.responses(v.wave ? [v.wave] : undefined));
    const table = await crossTabulate(network ? notingTerritories(read, v.wave, pooled) : read, {
      compiled: input.compiled, rows: v.rows, columns: v.cols,
      ...(rules ? { rules } : {}),
      ...(network ? { territory } : territory ? { territory, inside: (t: TerritoryRef) => {
        const within = input!.territories().within(t, territory);
        if (within) inner.add(territoryKey(t));
        return within;
      } } : {}),
      ...(v.wave ? { wave: v.wave } : {}),
    });
    io.stdout.write(v.json ? `${JSON.stringify(table, null, 2)}\n` : crosstabText(table, lang, (rules ?? DEFAULT_DISCLOSURE_RULES).minCell));
    if (network) say(io.stderr, lang, networkPooled(responses, pooled.size));
    else if (territory && inner.size) say(io.stderr, lang, innerTerritories(territory, [...inner].sort()));
    if (waves.size > 1) say(io.stderr, lang, pooledWaves([...waves].sort()));
    return EXIT.OK;
  } catch (e) {
    return reportError('crosstab', e, io, lang);
  } finally {
    await input?.close();
  }
}
