import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NETWORK_NAME, NETWORK_TERRITORY, type DistributionFigures, type ResultsDocument } from '@olva/analysis';
import type { CompiledQuestionnaire } from '@olva/schema';
import { allQuestions } from '@olva/runtime';
import { loadCoreQuestionnaire } from '@olva/core-questionnaire';
import { ReportError } from './errors.js';
import { BUILDS, KEY_FIGURES, RENNES, resultsDocument } from '@olva/test-support/results-documents';
import { ANALYSED, analysedResults } from '@olva/test-support/analysed-results';
import { selectSubject } from './subject.js';
import { keyFiguresHtml } from './key-figures/render.js';
import { employersHtml } from './employers/render.js';
import { fullReportHtml } from './full/render.js';
import { parseComments } from './markdown.js';
import { parseReference } from './employers/reference.js';
import { renderReport } from './report.js';
import { frenchSpacing } from './document.js';
import { formatDate } from './i18n.js';
import { baseText } from './figure.js';

const core = loadCoreQuestionnaire();
const REFERENCE = parseReference('territoire;annee;secteur;etablissements_employeurs;postes_salaries\ncommune:35238;2022;Ensemble;1052;12480\ncommune:35238;2022;Sport;180;820\n', 'ref.csv');
const NEVER = new Set(['text', 'textarea', 'email', 'commune']);

let doc: ResultsDocument;
beforeAll(async () => {
  doc = await resultsDocument(7);
});

describe('the subject of a report', () => {
  it('is named by the document when a publication names it, by the official geography otherwise', () => {
    expect(selectSubject(doc, { territory: RENNES }).territoryName).toEqual({ fr: 'Rennes', en: 'Rennes' });
    const named = { ...doc, groups: doc.groups.map((g) => ({ ...g, territoryName: 'Rennes Métropole (nom publié)' })) };
    expect(selectSubject(named, { territory: RENNES }).territoryName).toEqual({ fr: 'Rennes Métropole (nom publié)', en: 'Rennes Métropole (nom publié)' });
  });
});

describe('the network\'s own results (network:all)', () => {
  let network: ResultsDocument;
  beforeAll(async () => {
    network = await analysedResults(11, 120, '2025', { territory: NETWORK_TERRITORY });
  });

  it('names the whole network where a territory\'s name goes, in the report\'s language, with no network column', () => {
    const subject = selectSubject(network);
    expect(subject.territoryName).toEqual(NETWORK_NAME);
    for (const lang of ['fr', 'en'] as const) {
      const name = NETWORK_NAME[lang];
      const key = keyFiguresHtml(subject, KEY_FIGURES, lang);
      expect(key).toContain(`<title>${KEY_FIGURES.title[lang] ?? KEY_FIGURES.title.fr} — ${name} 2026</title>`);
      expect(key).toContain(`<p class="kicker">${name} · `);
      const full = fullReportHtml(subject, core, lang);
      expect(full).toContain(`<p class="lead">${name} · `);
      for (const page of [key, full]) {
        expect(page).not.toMatch(/>(Réseau|Network)</);
        expect(page).not.toMatch(/colonne Réseau|column Network/);
        expect(page).not.toContain('>all<');
      }
    }
    const fr = fullReportHtml(subject, core, 'fr');
    expect(fr).toContain('réponses pour l’ensemble du réseau (network:all), vague 2026\u00a0: les chiffres regroupent toutes les réponses de la vague');
    expect(fr).toContain('Comparé à\u00a0: 2025 (ensemble du réseau, vague 2025');
    expect(keyFiguresHtml(subject, KEY_FIGURES, 'fr')).toContain('Colonne 2025\u00a0: l’ensemble du réseau à la vague 2025');
    expect(fullReportHtml(subject, core, 'en')).toContain('responses for the whole network (network:all), wave 2026: the figures pool every response of the wave');
    // 2026 pools five territories, 2025 one of them: the reader is told where the previous
    // column is read, on the sheet and in the methodology.
    const told = 'le réseau du millésime 2026 réunit 5 territoires, celui de 2025 en réunissait 1, dont 1 présent aux deux';
    expect(keyFiguresHtml(subject, KEY_FIGURES, 'fr')).toContain(`Colonne 2025\u00a0: l’ensemble du réseau à la vague 2025 (${told}`);
    expect(fr).toContain(`rien n’est en dehors. ${told.replace(/^l/, 'L')}`);
    expect(keyFiguresHtml(subject, KEY_FIGURES, 'en')).toContain('the network of wave 2026 pools 5 territories, that of 2025 pooled 1, 1 of them in both');
  });

  it('names no one extension beside the questions of a document that pools several', () => {
    // Rennes' document, as a holder of Rennes and of Lorient Agglomération (listed first) reads it.
    const rennes = selectSubject(doc, { territory: RENNES });
    const lorient = { questionnaire: rennes.group.versions[0]!.questionnaire, extension: { id: 'lorient-agglo-2026', version: '1.0.0' }, responses: 1 };
    const pooled = { ...rennes, group: { ...rennes.group, versions: [lorient, ...rennes.group.versions] } };
    const fr = fullReportHtml(pooled, core, 'fr');
    // Rennes' questions were labelled with Lorient's extension, the first the versions listed.
    expect(fr).not.toContain('Question du territoire (');
    expect(fr).toContain('<p class="muted from-extension">Question d’une extension territoriale</p>');
    expect(fullReportHtml(pooled, core, 'en')).toContain('<p class="muted from-extension">Question of a territorial extension</p>');
  });

  it('sets the employers note beside the network\'s own reference table (network:all)', () => {
    const reference = parseReference('territoire;annee;secteur;etablissements_employeurs;postes_salaries\nnetwork:all;2022;Ensemble;9100;88000\n', 'ref.csv');
    const page = employersHtml(selectSubject(network), reference, 'fr');
    expect(page).toContain(`Table de référence du territoire\u00a0: ${NETWORK_NAME.fr}, 2022`);
    expect(() => parseReference('territoire;annee;secteur;etablissements_employeurs;postes_salaries\nnetwork:rnma;2022;Ensemble;1;1\n', 'ref.csv')).toThrow(/network:all for the whole network/);
  });
});

describe('the full report', () => {
  it('renders every question of the core and of the extension, and lists the unpublished ones', () => {
    const page = fullReportHtml(selectSubject(doc, { territory: RENNES }), core, 'fr');
    const questions = allQuestions(BUILDS.rennes);
    expect(questions.some((q) => q.id.startsWith('rennes.'))).toBe(true);
    const published = new Set(selectSubject(doc, { territory: RENNES }).group.questions.map((f) => f.id));
    for (const q of questions) {
      const id = q.id.replace(/[^a-z0-9_-]/gi, '-');
      if (published.has(q.id)) {
        expect(page, q.id).toContain(`id="q-${id}"`);
        expect(page, q.id).toContain(frenchSpacing(q.label.fr.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')));
      } else {
        // Free text, and nb_dirigeants, which the fixture's Lorient version marks personal.
        expect(NEVER.has(q.type) || q.id === 'nb_dirigeants', q.id).toBe(true);
        expect(page, q.id).toContain(`<span class="qid">${q.id}</span>`);
      }
    }
    expect(page).toContain('Question du territoire (rennes-2026 1.0.0)');
    expect(page).toContain('Méthodologie');
    expect(page).toContain(`olva-core ${core.version}`);
  });

  it('merges the analyst comments and refuses a comment on no question of the report', () => {
    const subject = selectSubject(doc, { territory: RENNES });
    const comments = parseComments('## employeur\nUn **tiers** emploie.\n## methodologie\nDiffusé par la MDA.\n', 'c.md');
    const page = fullReportHtml(subject, core, 'fr', comments);
    expect(page).toMatch(/id="q-employeur"[\s\S]*?<div class="comment"><h4>Commentaire<\/h4><p>Un <strong>tiers<\/strong> emploie\.<\/p>/);
    expect(page).toMatch(/id="methodologie"[\s\S]*Diffusé par la MDA/);
    expect(() => fullReportHtml(subject, core, 'fr', parseComments('## employeur\nx\n## nom_association\ny\n', 'c.md')))
      .toThrow('c.md:3: [reports/comment-unknown] "nom_association" is not a published question of this report (nor "methodologie")');
  });

  it('speaks English on request', () => {
    const page = fullReportHtml(selectSubject(doc, { territory: RENNES }), core, 'en');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Methodology');
    expect(page).toContain('Profile of the association');
  });
});

describe('the key figures and the employers note', () => {
  it('has the four declared pages, each figure, the previous wave beside the shares, and the rules', () => {
    const page = keyFiguresHtml(selectSubject(doc, { territory: RENNES }), KEY_FIGURES, 'fr');
    expect(page.match(/<section class="sheet"/g)).toHaveLength(4);
    for (const p of KEY_FIGURES.pages) for (const f of p.figures) expect(page).toContain(f.title!.fr.replace(/'/g, '&#39;'));
    expect(page).toContain('<th scope="col"><span aria-hidden="true">▼ </span>2025</th>');
    expect(page).toContain(frenchSpacing('Un effectif de 1 à 2 associations s’écrit « &lt; 3 »'));
    expect(page).toContain('sous 10 répondants, rien n’est publié');
  });

  it('marks small bases and withholds what is under the minimum base', async () => {
    const small = await resultsDocument(11, 12);
    const page = keyFiguresHtml(selectSubject(small, { territory: RENNES }), KEY_FIGURES, 'fr');
    expect(page).toContain(frenchSpacing('Petite base (moins de 30 répondants) : à lire avec prudence.'));
    const note = employersHtml(selectSubject(small, { territory: RENNES }), REFERENCE, 'fr');
    expect(note).toContain('Non publié\u00a0: moins de 10 répondants.');
  });

  it('says why a filtered question is withheld: it would reveal a hidden count of its filter (FR, EN)', () => {
    // The analysis withholds nb_salaries when employeur hides counts (linked figures).
    const linked = structuredClone(doc);
    const group = selectSubject(linked, { territory: RENNES }).group;
    group.questions = group.questions.map((f) => (f.id !== 'nb_salaries' ? f : {
      id: f.id, type: f.type, label: f.label, conditional: true, kind: 'numeric', unit: 'value', status: 'withheld', withheldReason: 'filter-suppressed', withheldFilters: ['employeur'],
    }));
    const fr = fullReportHtml(selectSubject(linked, { territory: RENNES }), core, 'fr');
    expect(fr).toContain(frenchSpacing('Non publié : posée sous condition, cette question révélerait un effectif masqué de sa question filtre (secret statistique).'));
    expect(fr).toContain('Une question posée sous condition n’est pas publiée quand son nombre de répondants révélerait un effectif masqué de la question qui la filtre.');
    const en = fullReportHtml(selectSubject(linked, { territory: RENNES }), core, 'en');
    expect(en).toContain('Not published: asked under a condition, this question would reveal a hidden count of its filter question (statistical confidentiality).');
  });

  it('prints the median and quartiles of a count as whole numbers, half away from zero, and those of a decimal with their decimal', () => {
    // « entre 34 et 252,3 adhérents » counts no association: the document keeps definition 7, readers get whole numbers.
    const d = structuredClone(doc);
    for (const g of d.groups) for (const f of g.questions) {
      if (f.kind !== 'numeric' || !f.summary) continue;
      if (f.id === 'nb_adherents') Object.assign(f.summary, { q1: 34, median: 87.5, q3: 252.3 });
      if (f.id === 'etp') Object.assign(f.summary, { q1: 0.25, median: 1.5, q3: 2.3 });
    }
    const subject = selectSubject(d, { territory: RENNES });
    const sheets = keyFiguresHtml(subject, KEY_FIGURES, 'fr');
    expect(sheets).toContain(frenchSpacing('La moitié des associations entre 34 et 252 ; moyenne'));
    expect(sheets).toMatch(/<p class="big">88<\/p>/);
    const full = fullReportHtml(subject, core, 'fr');
    const row = (id: string) => full.slice(full.indexOf(`id="q-${id}"`)).match(/<tbody><tr><td>[^<]*<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/)!.slice(1);
    expect(row('nb_adherents')).toEqual(['34', '88', '252']);
    expect(row('etp')).toEqual(['0,3', '1,5', '2,3']);
    // The chart's words say the same.
    expect(full).toContain('Q1 34 · médiane 88 · Q3 252 · moyenne');
    expect(full).not.toContain('252,3');
    // The method says so, once for every document.
    expect(full).toContain('la médiane et les quartiles sont arrondis à l’unité, la demie vers le haut');
    expect(fullReportHtml(subject, core, 'en')).toContain('the median and quartiles are shown rounded to the unit, half away from zero');
  });

  it('sets the reference table beside the sample, and names a file without the territory', () => {
    const subject = selectSubject(doc, { territory: RENNES });
    const page = employersHtml(subject, REFERENCE, 'fr');
    expect(page.match(/<section class="sheet"/g)).toHaveLength(2);
    expect(page).toMatch(/<th scope="row">Ensemble<\/th><td>1\u202f052<\/td><td>12\u202f480<\/td>/);
    const withFte = employersHtml(subject, parseReference('territoire;annee;secteur;etablissements_employeurs;postes_salaries;etp\ncommune:35238;2022;Ensemble;1000;12000;9000\n', 'ref.csv'), 'fr');
    expect(withFte).toMatch(/Équivalents temps plein\u00a0: 9 par établissement employeur dans la référence\u202f; [\d,]+ par association employeuse/);
    const elsewhere = parseReference('territoire;annee;secteur;etablissements_employeurs;postes_salaries\nepci:200042174;2022;Ensemble;10;20\n', 'lorient.csv');
    expect(() => employersHtml(subject, elsewhere, 'fr')).toThrow('lorient.csv: [reports/reference-territory] no line for the report\'s territory commune:35238 (the file names: epci:200042174)');
  });

  it('says what the share of employers against establishments is a share of', () => {
    // "(3 % ; une association peut…)": 3 % of what, the reader could not tell.
    const page = employersHtml(selectSubject(doc, { territory: RENNES }), parseReference('territoire;annee;secteur;etablissements_employeurs;postes_salaries\ncommune:35238;2022;Ensemble;1000;12000\n', 'ref.csv'), 'fr');
    expect(page).toMatch(/établissements employeurs associatifs sur le territoire en 2022\u00a0: l’équivalent d’au moins \d+\u202f% d’entre eux, une association pouvant avoir plusieurs établissements \(il y a donc moins d’associations employeuses que d’établissements\)\./);
  });

  it('writes the reference as the file gave it (s, nd) and charts only the sectors INSEE published, under a heading', () => {
    const subject = selectSubject(doc, { territory: RENNES });
    const reference = parseReference('territoire;annee;secteur;etablissements_employeurs;postes_salaries;etp\ncommune:35238;2022;Ensemble;1000;12000;9000\ncommune:35238;2022;Sport;180;s;nd\ncommune:35238;2022;Culture;nd;3000;s\ncommune:35238;2022;Social;300;6000;\n', 'ref.csv');
    const page = employersHtml(subject, reference, 'fr');
    const table = page.slice(page.indexOf('<table class="data reference">'), page.indexOf('</table>', page.indexOf('<table class="data reference">')));
    expect(table).toContain('<th scope="row">Sport</th><td>180</td><td>s</td><td>nd</td>');
    expect(table).toMatch(/<th scope="row">Culture<\/th><td>nd<\/td><td>3\s?000<\/td><td>s<\/td>/);
    expect(table).toMatch(/<th scope="row">Social<\/th><td>300<\/td><td>6\s?000<\/td><td>—<\/td>/);
    // The chart is named on the page, and INSEE's secret is not the sample's "masqué".
    expect(page).toContain('<h3 id="h-reference">Répartition des postes salariés par secteur (2022)</h3>');
    const chart = page.slice(page.indexOf('aria-labelledby="c-reference-title"'), page.indexOf('</svg>', page.indexOf('aria-labelledby="c-reference-title"')));
    expect(chart).toContain('Culture');
    expect(chart).not.toContain('Sport');
    expect(chart).not.toContain('masqué');
  });

  it('asks for a territory when the document has several, and checks the document against its schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'olva-reports-'));
    const file = join(dir, 'results.json');
    writeFileSync(file, JSON.stringify(doc));
    expect(() => renderReport({ kind: 'key-figures', results: file, lang: 'fr' })).toThrow(/\[reports\/territory\] the document covers several territories: choose one with --territory \(groups: commune:29019 2026, commune:35238 2025/);
    writeFileSync(file, JSON.stringify({ ...doc, rules: { ...doc.rules, minCell: 0 } }));
    expect(() => renderReport({ kind: 'key-figures', results: file, lang: 'fr', territory: RENNES })).toThrow(`${file}#/rules/minCell: [schema/minimum] must be at least 1`);
    // French output is French: ajv's English used to come through (« must be >= 1 »).
    let thrown: unknown;
    try { renderReport({ kind: 'key-figures', results: file, lang: 'fr', territory: RENNES }); } catch (e) { thrown = e; }
    expect((thrown as ReportError).describe('fr')).toBe(`${file}#/rules/minCell: [schema/minimum] doit valoir au moins 1`);
  });

  it('tells a collector\'s refusal saved in place of the results (curl before the publication) from a broken document', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'olva-reports-')), 'publies.json');
    writeFileSync(file, JSON.stringify({ error: 'not-found', message: 'aucun résultat publié pour commune:35238 dans la vague « 2026 »' }));
    let thrown: unknown;
    try { renderReport({ kind: 'key-figures', results: file, lang: 'fr' }); } catch (e) { thrown = e; }
    expect((thrown as ReportError).describe('fr')).toBe(`${file}: [reports/collector-refusal] ce fichier est un refus du collecteur (not-found : « aucun résultat publié pour commune:35238 dans la vague « 2026 » »), pas un document de résultats : publiez d’abord les résultats du territoire, ou écrivez le document avec olva analyse`);
    expect((thrown as ReportError).describe('en')).toContain('not a results document');
  });
});

describe('the base of a question', () => {
  it('never reads as a response rate: the second number is whom the question was put to, and only when it differs', () => {
    // "Base : 150 répondants sur 150 interrogés" read as "every association surveyed answered".
    const rules = doc.rules;
    const f = (answered: number, asked: number | null) => ({ base: { answered, asked, noAnswer: asked === null ? null : asked - answered }, status: 'ok' as const });
    expect(baseText(f(150, 150), rules, 'fr')).toBe('Base\u00a0: 150 répondants.');
    expect(baseText(f(142, 150), rules, 'fr')).toBe('Base\u00a0: 142 répondants sur les 150 à qui elle a été posée.');
    expect(baseText(f(49, null), rules, 'fr')).toBe('Base\u00a0: 49 répondants (question posée sous condition).');
    expect(baseText(f(142, 150), rules, 'en')).toBe('Base: 142 respondents of the 150 it was put to.');
    const page = fullReportHtml(selectSubject(doc, { territory: RENNES }), loadCoreQuestionnaire(), 'fr');
    expect(page).not.toContain('interrogés');
  });
});

describe('what the methodology says about the sample', () => {
  it('says what the report’s figures are, how many weighted shares exist, what an interval does not measure, and names the channels', async () => {
    const core = loadCoreQuestionnaire();
    const expected = [{ territory: ANALYSED, source: 'répertoire', sectors: { sport: 100, culture: 300, loisirs_vie_sociale: 200, solidarite: 400 } }];
    const weightedDoc = await analysedResults(11, 120, '2025', { expected, weight: 'sector' });
    const subject = selectSubject(weightedDoc, { territory: ANALYSED });
    const shares = subject.group.sample!.weighted!.questions.flatMap((q) => q.categories);
    const published = shares.filter((c) => c.share !== null).length;
    const page = fullReportHtml(subject, core, 'fr');
    const method = page.slice(page.indexOf('id="methodologie"'));
    // It said the weighted shares were "toujours présentées comme telles": the report shows none.
    expect(method).not.toContain('toujours présentées');
    expect(method).toContain(frenchSpacing(`Les chiffres de ce rapport sont ceux des associations qui ont répondu, sans redressement.`));
    expect(method).toContain(frenchSpacing(`ne compte moins de 3 associations : ${published} sur ${shares.length} ici.`));
    expect(method).toContain(frenchSpacing('qui suppose des répondants tirés au hasard : les associations ayant choisi de répondre, il ne mesure pas en quoi elles diffèrent de celles qui n’ont pas répondu.'));
    const plain = fullReportHtml(selectSubject(await analysedResults(11, 120, '2025'), { territory: ANALYSED }), core, 'fr');
    expect(plain).toContain(frenchSpacing('Aucune répartition attendue des associations du territoire n’a été fournie : la composition de l’échantillon par secteur n’a pas été vérifiée.'));
    const withExpected = fullReportHtml(selectSubject(await analysedResults(11, 120, '2025', { expected }), { territory: ANALYSED }), core, 'en');
    expect(withExpected).toContain('the figures lean towards the sectors that answered more');
    // Channels by name, not by payload code.
    const collected = structuredClone(subject.group) as typeof subject.group & { collection?: { byChannel: Record<string, number> } };
    expect(collected.collection).toBeDefined();
    collected.collection = { ...collected.collection!, byChannel: { web: 100, paper: 15, kiosk: 5 } };
    const named = fullReportHtml({ ...subject, group: collected }, core, 'fr');
    expect(named).toContain('<th scope="row">en ligne</th>');
    expect(named).toContain('<th scope="row">papier (saisi)</th>');
    expect(named).not.toContain('<th scope="row">web</th>');
  });
});

describe('French typography', () => {
  it('puts no breakable space before ? : ; ! % » €, after «, or between thousands, in every French document', () => {
    const subject = selectSubject(doc, { territory: RENNES });
    // Spaces typed as they come: the core's wordings ("… association ?"), this package's
    // sentences ("Base : …"), choice labels ("De 1 000 € à…"), an analyst's comment.
    const comments = parseComments('## secteur_principal\n\nUn tiers des associations sont sportives ; est-ce 33 % ? Oui : « net » !\n\n`a ; b`\n', 'c.md');
    for (const page of [fullReportHtml(subject, loadCoreQuestionnaire(), 'fr', comments), keyFiguresHtml(subject, KEY_FIGURES, 'fr'), employersHtml(subject, REFERENCE, 'fr')]) {
      const text = page.replace(/<style[\s\S]*?<\/style>|<code>[\s\S]*?<\/code>|<[^>]*>/g, '|');
      expect(text).not.toMatch(/ [?:;!%»€]|« |(?<![\p{L}\p{N}])\d{1,3} \d{3}(?!\d)/u);
      expect(text).toContain('Base\u00a0:');
    }
    const full = fullReportHtml(subject, loadCoreQuestionnaire(), 'fr', comments);
    expect(full).toContain('sportives\u202f; est-ce 33\u202f%\u202f? Oui\u00a0: «\u00a0net\u00a0»\u202f!');
    expect(full).toContain('association\u202f?</h3>');
    // Tags, the style sheet and code are left as they are; English is not French.
    expect(full).toContain('<code>a ; b</code>');
    expect(full).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src');
    expect(fullReportHtml(subject, loadCoreQuestionnaire(), 'en')).not.toMatch(/\u202f[?;!]/);
    // The methodology's dates: "les âges sont comptés au 1er janvier 2026".
    expect(formatDate('2026-01-01', 'fr')).toBe('1er janvier 2026');
    expect(formatDate('2026-03-28T10:00:00Z', 'fr')).toBe('28 mars 2026');
    expect(formatDate('2026-01-01', 'en')).toBe('1 January 2026');
    expect(frenchSpacing('De 1 000 000 € à &lt; 3 : 12 %')).toBe('De 1\u202f000\u202f000\u00a0€ à &lt;\u00a03\u00a0: 12\u202f%');
    // Only what is one number is joined: a year and a count, a label and its value stay apart.
    expect(frenchSpacing('en 2025 150 répondants')).toBe('en 2025 150 répondants');
    expect(frenchSpacing('Q1 34 · médiane 88 · Q3 252 ; 12 500 réponses en 2024 200 000 €')).toBe('Q1 34 · médiane 88 · Q3 252\u202f; 12\u202f500 réponses en 2024 200\u202f000\u00a0€');
  });
});

describe('escaping', () => {
  it('keeps labels with markup as text in every document', async () => {
    const evil = structuredClone(BUILDS.rennes) as CompiledQuestionnaire;
    const sector = allQuestions(evil).find((q) => q.id === 'secteur_principal') as { label: { fr: string }; choices: { label: { fr: string } }[] };
    sector.label.fr = '<script>alert("label")</script> & co';
    sector.choices[0]!.label.fr = '"><img src=x onerror=alert(1)>';
    const employer = allQuestions(evil).find((q) => q.id === 'employeur') as { label: { fr: string } };
    employer.label.fr = '<b onclick="x()">Employeur</b>';
    // The first version given names the questions: the tampered one.
    const bad = await resultsDocument(7, 160, [evil, BUILDS.core, BUILDS.lorient]);
    const subject = selectSubject(bad, { territory: RENNES });
    const pages = [
      fullReportHtml(subject, core, 'fr', parseComments('## secteur_principal\n<script>alert(2)</script>\n', 'c.md')),
      keyFiguresHtml(subject, { ...KEY_FIGURES, pages: KEY_FIGURES.pages.map((p) => ({ ...p, figures: p.figures.map((f) => ({ ...f, title: undefined })) })) }, 'fr'),
      employersHtml(subject, REFERENCE, 'fr'),
    ];
    for (const page of pages) {
      expect(page).not.toMatch(/<script|<img|<b onclick/);
      expect(page).toContain('&lt;');
    }
    expect(pages[0]).toContain('&lt;script&gt;alert(&quot;label&quot;)&lt;/script&gt; &amp; co');
    expect(pages[0]).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(pages[2]).toContain('&lt;b onclick=&quot;x()&quot;&gt;Employeur&lt;/b&gt;');
  });
});

describe('comparisons the analysis adds to a group', () => {
  it('shows the network and the previous wave as columns and the national references as sentences', async () => {
    // Made by `analyseResponses` (Rennes 2026 on the next core, its 2025 wave on the current
    // one); with seed 9, "solidarite" (two codes merged by the crosswalk) differs notably from 2025.
    const expected = [{ territory: ANALYSED, source: 'répertoire des associations de la ville', sectors: { sport: 100, culture: 300, loisirs_vie_sociale: 200, solidarite: 400 } }];
    const subject = selectSubject(await analysedResults(9, 120, '2025', { expected }), { territory: ANALYSED });
    const { network, previousWave, national } = subject.group.comparisons!;
    const pct = (x: number) => `${Math.round(x * 100)}\u202f%`;
    const page = fullReportHtml(subject, core, 'fr');
    const block = page.slice(page.indexOf('id="q-secteur_principal"'), page.indexOf('id="q-secteurs_secondaires"'));
    expect(block).toContain('<th scope="col"><span aria-hidden="true">▼ </span>2025</th><th scope="col"><span aria-hidden="true">● </span>Réseau</th>');
    // Every code's row: the previous wave's share (merged codes summed through the crosswalk),
    // then the network's, as the analysis computed them, a notable difference marked.
    const sector = subject.group.questions.find((q) => q.id === 'secteur_principal') as DistributionFigures;
    const compared = (v: { share: number } | null | undefined, notable: boolean | null | undefined) => (v ? `${pct(v.share)}${notable ? '<abbr class="notable"' : '</td>'}` : '—</td>');
    let marks = 0;
    for (const c of sector.categories!) {
      const label = c.label!.fr.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
      const row = block.slice(block.indexOf(`<th scope="row">${label}</th>`)).split('</tr>')[0]!;
      const cells = row.split('<td>').slice(1);
      const then = previousWave!.shares.find((s) => s.question === 'secteur_principal' && s.code === c.code);
      const pooled = network!.shares.find((s) => s.question === 'secteur_principal' && s.code === c.code);
      expect(cells[3], c.code).toMatch(new RegExp(`^${compared(then?.previous, then?.notable)}`));
      expect(cells[4], c.code).toMatch(new RegExp(`^${compared(pooled?.network, pooled?.notable)}`));
      marks += Number(!!(then?.notable && then.previous)) + Number(!!(pooled?.notable && pooled.network));
    }
    expect(marks).toBeGreaterThan(0);
    expect(marks).toBe((block.match(/<abbr class="notable"/g) ?? []).length);
    // The chart marks the same shares on the bars of shown codes (national figures of one code
    // too), each comparison named in its legend: ticks at x = share × 640 (the full report's charts are 760 wide, bars 640).
    const shown = sector.categories!.filter((c) => c.count !== null && !c.suppressed).map((c) => c.code);
    const x = (share: number) => String(Math.round(share * 640 * 100) / 100);
    const expectedTicks = (dash: string, xs: string[]) => (xs.length ? [...xs, '8'].map((v) => `${dash} ${v}`) : []);
    const ticks = [...block.slice(0, block.indexOf('</svg>')).matchAll(/<path d="M([\d.]+) [^"]*" class="olva-chart-mark"[^>]*?(?: stroke-dasharray="([^"]+)")?\/>/g)].map((m) => `${m[2] ?? 'none'} ${m[1]}`).sort();
    expect(ticks).toEqual([
      ...expectedTicks('none', previousWave!.shares.filter((s) => s.question === 'secteur_principal' && shown.includes(s.code) && s.previous).map((s) => x(s.previous!.share))),
      ...expectedTicks('4 2', national!.figures.filter((f) => f.question === 'secteur_principal' && f.codes.length === 1 && shown.includes(f.codes[0]!) && f.territory).map((f) => x(f.national.share!))),
      ...expectedTicks('1.5 2', network!.shares.filter((s) => s.question === 'secteur_principal' && shown.includes(s.code) && s.network).map((s) => x(s.network!.share))),
    ].sort());
    expect(ticks.length).toBeGreaterThan(6);
    expect(block).toMatch(/Repères sur les barres\u00a0: ▼ 2025 \(même territoire, vague 2025[^)]*\)\u202f; ◆ France \(Viviane Tchernonog[^)]*, données 2017\)\u202f; ● Réseau \(/);
    expect(previousWave!.shares.find((s) => s.question === 'secteur_principal' && s.code === 'solidarite')!.previous).not.toBeNull();
    // Only the codes of the version answered: not the old ones the crosswalk merged.
    expect(block).not.toContain('Action caritative');
    expect(block).toContain('catégories harmonisées par la table de correspondance du tronc commun');
    const references = national!.figures.filter((f) => f.question === 'secteur_principal' && f.territory);
    expect(references.some((f) => f.categoriesDiffer)).toBe(true);
    for (const f of references) {
      // Named by the figure's own label, which does not repeat its question; ◆: marked on the chart.
      expect(block).toContain(`<p class="compare-note national"><span aria-hidden="true">◆ </span>${f.label.fr}\u00a0: ${pct(f.national.share!)} en France (${f.national.year}), ${pct(f.territory!.share)} ici${f.notable ? ' *' : ''}.${f.categoriesDiffer ? ` ${frenchSpacing(f.categoriesDiffer.fr)}` : ''}</p>`);
      expect(f.label.fr).not.toMatch(/secteur|:/i);
    }
    // A figure of several codes (budget under 10 000 €) has no bar to mark: no ◆.
    const budget = national!.figures.find((f) => f.codes.length > 1 && f.territory)!;
    const budgetBlock = page.slice(page.indexOf(`id="q-${budget.question}"`));
    expect(budgetBlock).toContain(`<p class="compare-note national">${frenchSpacing(budget.label.fr)}\u00a0: ${pct(budget.national.share!)} en France (2017)`);
    const source = Object.values(national!.references.sources)[0]!;
    expect(page).toContain(`Références nationales</h3><ul><li>${source.citation.replace(/&/g, '&amp;')} (${source.year})</li>`);
    const sport = subject.group.sample!.sectors.find((s) => s.code === 'sport')!;
    expect(page).toMatch(new RegExp(`Échantillon et secteurs attendus[\\s\\S]*\\(répertoire des associations de la ville\\)[\\s\\S]*<th scope="row">Sport</th><td>${pct(sport.sample!.share)}</td><td>10\u202f%</td>`));
    // The key figures' sheets mark the same shares, their legend said once by the table's
    // column headings (▼ 2025, ● Réseau): no legend of its own in a chart, the description names them.
    const sheetFr = keyFiguresHtml(subject, KEY_FIGURES, 'fr');
    const sheetSector = sheetFr.slice(sheetFr.indexOf('id="q-secteur_principal"'), sheetFr.indexOf('</svg>', sheetFr.indexOf('id="q-secteur_principal"')));
    expect((sheetSector.match(/class="olva-chart-mark"/g) ?? []).length).toBe(ticks.length - 3);
    expect(sheetSector).toContain(frenchSpacing('Repères sur les barres : ▼ 2025 ; ◆ France ; ● Réseau.'));
    const sheet = keyFiguresHtml(subject, KEY_FIGURES, 'en');
    expect(sheet).toContain(`column Network: the other territories of wave 2026 that publish the question, pooled (only when 3 or more do; ${network!.otherTerritories} have responses)`);
    // A territory with responses but under the minimum base is not pooled: the question's
    // source counts the territories behind its figures ("les 6 autres" pooled 5 in the demo).
    const pooled = Math.max(...network!.shares.filter((l) => l.question === 'secteur_principal' && l.network).map((l) => l.territories));
    const moreOthers = structuredClone(subject.group);
    moreOthers.comparisons!.network!.otherTerritories = pooled + 1;
    const counted = fullReportHtml({ ...subject, group: moreOthers }, core, 'fr');
    const sectorBlock = counted.slice(counted.indexOf('id="q-secteur_principal"'), counted.indexOf('id="q-secteurs_secondaires"'));
    expect(sectorBlock).toContain(frenchSpacing(`Réseau (les ${pooled} autres territoires de la vague 2026 qui publient cette question, regroupés (au moins 3))`));
    expect(sectorBlock).not.toContain(`les ${pooled + 1} autres`);
  });
});
