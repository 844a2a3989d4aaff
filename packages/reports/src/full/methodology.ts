/**
 * The methodology chapter of the full report: what was asked (questionnaire and extension
 * versions, with their responses), when and how (collection period, channels and sources,
 * when the document carries them), the sample against the expected sectors when present,
 * weighting, what is never published, and the disclosure rules with their thresholds.
 */
import { isNetworkTerritory } from '@olva/analysis';
import { number, percent } from '@olva/charts';
import { html, type Markup } from '../html.js';
import { formatDate, type Lang } from '../i18n.js';
import { rulesStatement } from '../words.js';
import { compositionNote, nationalSources } from '../comparisons.js';
import type { ReportSubject } from '../subject.js';

/** The collection channels of a response payload, as a reader says them. */
const CHANNEL_NAMES: Record<Lang, Record<string, string>> = {
  fr: { web: 'en ligne', paper: 'papier (saisi)', phone: 'téléphone', kiosk: 'borne (stand, forum)' },
  en: { web: 'online', paper: 'paper (keyed in)', phone: 'phone', kiosk: 'kiosk (stand, fair)' },
};

/** Counts by key (channel, source…), read tolerantly from an optional member of the group. */
function countsTable(caption: string, heading: string, counts: unknown, lang: Lang, name: (key: string) => string = (k) => k): Markup | '' {
  if (!counts || typeof counts !== 'object') return '';
  const entries = Object.entries(counts as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number');
  if (!entries.length) return '';
  const total = entries.reduce((a, [, n]) => a + n, 0);
  return html`<table class="data"><caption>${caption}</caption><thead><tr><th scope="col">${heading}</th><th scope="col">${lang === 'en' ? 'Responses' : 'Réponses'}</th><th scope="col">${lang === 'en' ? 'Share' : 'Part'}</th></tr></thead>
<tbody>${entries.map(([k, n]) => html`<tr><th scope="row">${name(k)}</th><td>${number(n, lang)}</td><td>${total ? percent(n / total, lang) : '—'}</td></tr>`)}</tbody></table>`;
}

/** Optional members the analysis may add to a group (see the package README). */
interface Collection {
  from?: string;
  to?: string;
  byChannel?: Record<string, number>;
  bySource?: Record<string, number>;
}
/** `group.sample` as `olva analyse --expected` writes it: the sample beside the expected sectors. */
interface SampleSector {
  code: string;
  label?: { fr: string; en?: string };
  sample: { count: number; share: number } | null;
  expected: { count: number; share: number } | null;
  suppressed?: 'small' | 'complementary';
}
interface Sample {
  source?: string;
  expectedTotal?: number;
  sectors?: SampleSector[];
  weighted?: { method?: string; base?: number; questions?: { categories?: { share: number | null }[] }[] };
}

/**
 * What the weighting section says: the report's figures are never weighted, so it says how
 * many weighted shares the results document could publish, and, without weighting, how to read
 * the sample against the expected sectors, or that nothing checked it.
 */
function weightingText(sample: Sample | undefined, hasSectors: boolean, minCell: number, lang: Lang): string {
  const en = lang === 'en';
  const weighted = sample?.weighted;
  if (weighted) {
    const shares = (weighted.questions ?? []).flatMap((q) => q.categories ?? []);
    const published = shares.filter((c) => c.share !== null).length;
    return en
      ? `The figures of this report are those of the associations that answered, not weighted. The results document also carries shares post-stratified on the main sector (to the expected sectors); one is given only where no sector × answer cell behind it has fewer than ${minCell} associations: ${published} of ${shares.length} here.`
      : `Les chiffres de ce rapport sont ceux des associations qui ont répondu, sans redressement. Le document de résultats porte aussi des parts redressées par post-stratification sur le secteur principal (secteurs attendus) ; une part redressée n’y est donnée que si aucune case secteur × réponse derrière elle ne compte moins de ${minCell} associations : ${published} sur ${shares.length} ici.`;
  }
  if (hasSectors) {
    return en
      ? 'No weighting: every share is of the associations that answered; where the sample’s sectors differ from the expected ones (table above), the figures lean towards the sectors that answered more.'
      : 'Aucune pondération : chaque part est celle des associations qui ont répondu ; là où les secteurs de l’échantillon s’écartent des secteurs attendus (tableau ci-dessus), les chiffres penchent vers les secteurs qui ont le plus répondu.';
  }
  return en
    ? 'No weighting: every share is of the associations that answered. No expected distribution of the territory’s associations was given, so the sample’s make-up by sector was not checked.'
    : 'Aucune pondération : chaque part est celle des associations qui ont répondu. Aucune répartition attendue des associations du territoire n’a été fournie : la composition de l’échantillon par secteur n’a pas été vérifiée.';
}

/**
 * Whose responses the figures count: a territory's (with those collected inside it), or, for
 * the network's own results (`network:all`), every response of the wave pooled.
 */
function collected(subject: ReportSubject, lang: Lang): string {
  const g = subject.group;
  const n = number(g.responses, lang);
  const key = `${g.territory.level}:${g.territory.code}`;
  if (isNetworkTerritory(g.territory)) {
    const composed = compositionNote(subject, lang);
    const then = composed ? ` ${composed.charAt(0).toUpperCase()}${composed.slice(1)}.` : '';
    return (lang === 'en'
      ? `${n} responses for the whole network (${key}), wave ${g.wave}: the figures pool every response of the wave, whatever territory of the network it was collected in, each counted once. No comparison with the network: nothing lies outside it.`
      : `${n} réponses pour l’ensemble du réseau (${key}), vague ${g.wave} : les chiffres regroupent toutes les réponses de la vague, quel que soit le territoire du réseau où elles ont été recueillies, chacune comptée une fois. Pas de comparaison au réseau : rien n’est en dehors.`) + then;
  }
  return lang === 'en' ? `${n} responses for ${subject.territoryName.en} (${key}), wave ${g.wave}.` : `${n} réponses pour ${subject.territoryName.fr} (${key}), vague ${g.wave}.`;
}

/** The methodology chapter. */
export function methodology(subject: ReportSubject, lang: Lang, options: { unpublished: string[]; comment?: Markup }): Markup {
  const g = subject.group;
  const en = lang === 'en';
  const extra = g as unknown as { collection?: Collection; sample?: Sample };
  const c = extra.collection;
  const sample = extra.sample;
  const sectors = Array.isArray(sample?.sectors) ? sample!.sectors! : [];
  const minCell = subject.document.rules.minCell;
  const sampleShare = (l: SampleSector) => (l.sample ? percent(l.sample.share, lang) : l.suppressed === 'small' ? `< ${minCell}` : en ? 'hidden' : 'masqué');
  return html`<section class="chapter" id="methodologie" aria-labelledby="h-methodologie">
<h2 id="h-methodologie">${en ? 'Methodology' : 'Méthodologie'}</h2>
<h3>${en ? 'Questionnaire' : 'Questionnaire'}</h3>
<table class="data"><caption>${en ? 'Versions answered' : 'Versions auxquelles les associations ont répondu'}</caption>
<thead><tr><th scope="col">${en ? 'Core' : 'Tronc commun'}</th><th scope="col">${en ? 'Territorial extension' : 'Extension territoriale'}</th><th scope="col">${en ? 'Responses' : 'Réponses'}</th></tr></thead>
<tbody>${g.versions.map((v) => html`<tr><th scope="row">${v.questionnaire.id} ${v.questionnaire.version}</th><td>${v.extension ? `${v.extension.id} ${v.extension.version}` : '—'}</td><td>${number(v.responses, lang)}</td></tr>`)}</tbody></table>
<h3>${en ? 'Collection' : 'Collecte'}</h3>
<p>${collected(subject, lang)}
${g.referenceDate ? (en ? ` Ages are counted at ${formatDate(g.referenceDate, lang)}.` : ` Les âges sont comptés au ${formatDate(g.referenceDate, lang)}.`) : ''}
${c?.from && c?.to ? (en ? ` Responses submitted from ${formatDate(c.from, lang)} to ${formatDate(c.to, lang)}.` : ` Réponses envoyées du ${formatDate(c.from, lang)} au ${formatDate(c.to, lang)}.`) : ''}</p>
${countsTable(en ? 'Responses by channel' : 'Réponses par canal', en ? 'Channel' : 'Canal', c?.byChannel, lang, (k) => CHANNEL_NAMES[lang][k] ?? k)}
${countsTable(en ? 'Responses by source' : 'Réponses par source de diffusion', en ? 'Source' : 'Source', c?.bySource, lang)}
${sectors.length ? html`<h3>${en ? 'Sample and expected sectors' : 'Échantillon et secteurs attendus'}</h3>
<table class="data"><caption>${en ? 'Main sector: sample against the expected distribution of the territory' : 'Secteur principal : échantillon et répartition attendue du territoire'}${sample?.source ? ` (${sample.source})` : ''}</caption>
<thead><tr><th scope="col">${en ? 'Sector' : 'Secteur'}</th><th scope="col">${en ? 'Sample' : 'Échantillon'}</th><th scope="col">${en ? 'Expected' : 'Attendu'}</th></tr></thead>
<tbody>${sectors.map((l) => html`<tr><th scope="row">${l.label ? (en ? l.label.en ?? l.label.fr : l.label.fr) : l.code}</th><td>${sampleShare(l)}</td><td>${l.expected ? percent(l.expected.share, lang) : '—'}</td></tr>`)}</tbody></table>` : ''}
${nationalSources(subject).length ? html`<h3>${en ? 'National references' : 'Références nationales'}</h3><ul>${nationalSources(subject).map((c) => html`<li>${c}</li>`)}</ul>` : ''}
<h3>${en ? 'Weighting' : 'Pondération'}</h3>
<p>${weightingText(sample, sectors.length > 0, minCell, lang)}</p>
<h3>${en ? 'Disclosure control and reading' : 'Secret statistique et lecture'}</h3>
<ul class="rules">${rulesStatement(subject.document.rules, lang).map((s) => html`<li>${s}</li>`)}</ul>
${options.unpublished.length ? html`<p>${en ? 'Questions of the core without figures here (free text and personal details are never published; a question may also be missing from the versions answered): ' : 'Questions du tronc commun sans chiffres ici (le texte libre et les données personnelles ne sont jamais publiés ; une question peut aussi manquer aux versions répondues) : '}${options.unpublished.map((id, i) => html`${i ? ', ' : ''}<span class="qid">${id}</span>`)}.</p>` : ''}
<p class="muted">${en ? 'Computed by' : 'Calculé par'} ${subject.document.generator.name} ${subject.document.generator.version}.</p>
${options.comment ? html`<div class="comment">${options.comment}</div>` : ''}
</section>`;
}
