/** Numbers and words of the charts, French first. */

/** The languages charts speak. */
export type ChartLang = 'fr' | 'en';

const WORDS = {
  fr: {
    interval: 'intervalle de confiance à 95 %',
    smallBase: 'Petite base : à lire avec prudence.',
    complementaryNote: 'masqué : caché, sinon un « < 3 » se déduirait du total.',
    hidden: 'masqué',
    median: 'médiane',
    quartiles: 'quartiles',
    mean: 'moyenne',
    marks: 'Repères sur les barres',
  },
  en: {
    interval: '95% confidence interval',
    smallBase: 'Small base: read with care.',
    complementaryNote: 'hidden: else a "< 3" could be worked out from the total.',
    hidden: 'hidden',
    median: 'median',
    quartiles: 'quartiles',
    mean: 'mean',
    marks: 'Markers on the bars',
  },
} as const;

/**
 * The mark of a row on a small base. Not "*": the documents and <olva-results> mark a notable
 * difference with "*", and both stood on the same sheet with two meanings.
 */
export const SMALL_BASE_MARK = '†';

/** The words of a language. */
export function words(lang: ChartLang): (typeof WORDS)[ChartLang] {
  return WORDS[lang] ?? WORDS.fr;
}

/** A share as a whole percentage: "42 %" in French (narrow no-break space), "42%" in English. */
export function percent(share: number, lang: ChartLang): string {
  const value = Math.round(share * 100);
  return lang === 'en' ? `${value}%` : `${value}\u202f%`;
}

/** A number with at most one decimal, in the language's notation. */
export function number(value: number, lang: ChartLang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 }).format(value);
}

/** Whether a share is published; one that is not (disclosure control) is only named by {@link hiddenText}. */
export function isShown<T extends { share: number | null; suppressed?: unknown }>(x: T): x is T & { share: number } {
  return x.share !== null && !x.suppressed;
}

/** What a hidden count shows: "< 3" for a small count, "masqué" for a complementary one. */
export function hiddenText(suppressed: 'small' | 'complementary', minCell: number, lang: ChartLang): string {
  return suppressed === 'small' ? `< ${minCell}` : words(lang).hidden;
}

/**
 * Splits a label into lines of about `max` characters at spaces (SVG text does not wrap; a
 * word longer than a line is cut with an ellipsis).
 */
export function wrap(label: string, max: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const w = word.length > max ? `${word.slice(0, max - 1)}…` : word;
    if (!line) line = w;
    else if (line.length + 1 + w.length <= max) line += ` ${w}`;
    else { lines.push(line); line = w; }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, max - 1)}…`;
    return kept;
  }
  return lines.length ? lines : [''];
}

/** "label : value" in French, "label: value" in English. */
export function labelled(label: string, value: string, lang: ChartLang): string {
  return lang === 'en' ? `${label}: ${value}` : `${label} : ${value}`;
}
