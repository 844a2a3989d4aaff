/**
 * Test support for exports and statistics: a small compiled questionnaire with every column
 * shape (single with "other", multiple with "other", matrix, scale, boolean, numbers, texts),
 * an extension version of it, synthetic stored responses, and an RFC 4180 parser to read
 * CSV back. Not used by the collector at run time.
 */
import type { CompiledQuestionnaire, CompiledQuestion, ResponsePayload } from '@olva/schema';
import { OTHER_CODE } from '@olva/schema';
import type { StoredResponse } from '../store/types.js';

const core = { kind: 'core' as const, id: 'olva-core', version: '2026.1.0', pointer: '' };

function q(number: number, section: string, question: Record<string, unknown>, origin: CompiledQuestion['origin'] = core): CompiledQuestion {
  return { ...question, number, section, origin } as unknown as CompiledQuestion;
}

/** The choice the compiler adds at the end of a question with `other`. */
const OTHER = { code: OTHER_CODE, label: { fr: 'Autre (précisez)', en: 'Other (please specify)' } };

/** A compiled core (`olva-core` 2026.1.0) with one question of each column shape. */
export function fixtureCore(version = '2026.1.0'): CompiledQuestionnaire {
  const origin = { ...core, version };
  return {
    kind: 'olva-compiled-questionnaire', formatVersion: 2, id: 'olva-core',
    questionnaire: { id: 'olva-core', version }, extension: null, territory: null,
    title: { fr: 'Observation locale de la vie associative', en: 'Local observation of associative life' },
    sections: [
      {
        id: 'profil', title: { fr: 'Profil' }, origin,
        questions: [
          q(1, 'profil', { id: 'secteur_principal', type: 'single', label: { fr: 'Secteur principal', en: 'Main sector' },
            choices: [
              { code: 'sport', label: { fr: 'Sport', en: 'Sport' } },
              { code: 'culture', label: { fr: 'Culture', en: 'Culture' } },
              { code: 'social', label: { fr: 'Action sociale, santé', en: 'Social action, health' } },
              { code: 'formule', label: { fr: '=HYPERLINK("http://x")', en: 'formula' } },
              OTHER,
            ],
            other: { label: { fr: 'Autre secteur', en: 'Other sector' } } }, origin),
          q(2, 'profil', { id: 'publics', type: 'multiple', label: { fr: 'Publics visés', en: 'Audiences' },
            choices: [
              { code: 'enfants', label: { fr: 'Enfants', en: 'Children' } },
              { code: 'jeunes', label: { fr: 'Jeunes', en: 'Youth' } },
              { code: 'aines', label: { fr: 'Aînés', en: 'Elderly' } },
              OTHER,
            ],
            other: { label: { fr: 'Autres publics' } } }, origin),
          q(3, 'profil', { id: 'employeur', type: 'boolean', label: { fr: 'Employeur ?', en: 'Employer?' } }, origin),
          q(4, 'profil', { id: 'nb_benevoles', type: 'integer', label: { fr: 'Nombre de bénévoles' }, min: 0, max: 100000 }, origin),
          q(5, 'profil', { id: 'budget', type: 'decimal', label: { fr: 'Budget annuel (€)' } }, origin),
          q(6, 'profil', { id: 'commune_siege', type: 'commune', label: { fr: 'Commune du siège' } }, origin),
        ],
      },
      {
        id: 'besoins', title: { fr: 'Besoins' }, origin,
        questions: [
          q(7, 'besoins', { id: 'satisfaction', type: 'scale', label: { fr: 'Satisfaction' },
            choices: [
              { code: '1', label: { fr: 'Pas du tout' } }, { code: '2', label: { fr: 'Un peu' } },
              { code: '3', label: { fr: 'Assez' } }, { code: '4', label: { fr: 'Très' } },
            ] }, origin),
          q(8, 'besoins', { id: 'difficultes', type: 'matrix', label: { fr: 'Difficultés' },
            rows: [{ code: 'locaux', label: { fr: 'Locaux' } }, { code: 'benevoles', label: { fr: 'Bénévoles' } }],
            choices: [{ code: 'aucune', label: { fr: 'Aucune' } }, { code: 'forte', label: { fr: 'Forte' } }] }, origin),
          q(9, 'besoins', { id: 'commentaire', type: 'textarea', label: { fr: 'Commentaire libre' } }, origin),
        ],
      },
    ],
    checks: [],
  };
}

/** The core with the Rennes extension (`rennes-2026` 1.0.0): one question inserted in "besoins". */
export function fixtureRennes(): CompiledQuestionnaire {
  const base = fixtureCore();
  const origin = { kind: 'extension' as const, id: 'rennes-2026', version: '1.0.0', pointer: '/insert/0/items/0' };
  const besoins = base.sections[1];
  return {
    ...base, id: 'olva-core+rennes-2026',
    extension: { id: 'rennes-2026', version: '1.0.0', namespace: 'rennes' },
    territory: { level: 'commune', code: '35238', name: 'Rennes' },
    sections: [
      base.sections[0],
      { ...besoins, questions: [
        besoins.questions[0], besoins.questions[1],
        q(9, 'besoins', { id: 'rennes.locaux_quartier', type: 'single', label: { fr: 'Locaux dans le quartier ?' },
          choices: [{ code: 'oui', label: { fr: 'Oui' } }, { code: 'non', label: { fr: 'Non' } }] }, origin),
        { ...besoins.questions[2], number: 10 },
      ] },
    ],
  };
}

/**
 * A 2027 version of the fixture core, with its crosswalk from 2026.1.0: `social` of `secteur_principal` split into `action_sociale` and
 * `sante`, `publics` gains `familles`, `employeur` renamed `est_employeur`, `nb_benevoles`
 * declared not comparable, `budget` removed; and numbers shifted by one new first question.
 */
export function fixtureCore2027(): CompiledQuestionnaire {
  const c = fixtureCore('2027.0.0');
  const qs = c.sections[0]!.questions as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const sector = qs.find((q) => q.id === 'secteur_principal');
  sector.choices.splice(2, 1, { code: 'action_sociale', label: { fr: 'Action sociale', en: 'Social action' } }, { code: 'sante', label: { fr: 'Santé', en: 'Health' } });
  qs.find((q) => q.id === 'publics').choices.splice(3, 0, { code: 'familles', label: { fr: 'Familles', en: 'Families' } });
  qs.find((q) => q.id === 'employeur').id = 'est_employeur';
  qs.splice(qs.findIndex((q) => q.id === 'budget'), 1);
  qs.unshift({ ...qs[0], id: 'annee_creation', type: 'year', label: { fr: 'Année de création' }, choices: undefined, other: undefined, number: 1 });
  c.sections.flatMap((s) => s.questions).forEach((q, i) => { q.number = i + 1; });
  c.crosswalk = { from: '2026.1.0', questions: [
    { question: 'secteur_principal', from: 'secteur_principal', codes: { social: ['action_sociale', 'sante'] } },
    { question: 'est_employeur', from: 'employeur' },
    { question: 'nb_benevoles', notComparable: { fr: 'Compte désormais les bénévoles réguliers seulement', en: 'Now counts regular volunteers only' } },
  ] };
  return c;
}

/** A stored response around `answers`, with deterministic metadata from `i`. */
export function fixtureResponse(i: number, answers: ResponsePayload['answers'], over: Partial<ResponsePayload> = {}): StoredResponse {
  const submissionId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const payload: ResponsePayload = {
    kind: 'olva-response', specVersion: 1, submissionId,
    questionnaire: { id: 'olva-core', version: '2026.1.0' }, extension: null,
    territory: { level: 'commune', code: '35238' }, wave: '2026', channel: 'web', source: 'forum-2026',
    locale: 'fr', startedAt: '2026-03-01T10:00:00Z', submittedAt: '2026-03-01T10:12:00Z',
    client: { name: 'test', version: '0' }, answers, ...over,
  };
  return { submissionId, receivedAt: `2026-03-01T10:12:${String(i % 60).padStart(2, '0')}.000Z`, payload, digest: 'x' };
}

/** Valid answers for the fixture core, varied by `i`. */
export function fixtureAnswers(i: number): ResponsePayload['answers'] {
  const sectors = ['sport', 'culture', 'social'];
  const a: ResponsePayload['answers'] = {
    secteur_principal: sectors[i % 3],
    publics: i % 2 ? ['enfants', 'aines'] : ['jeunes'],
    employeur: i % 4 === 0,
    nb_benevoles: i % 97,
    satisfaction: (i % 4) + 1,
    difficultes: { locaux: i % 2 ? 'forte' : 'aucune', benevoles: 'aucune' },
    commentaire: `Réponse n° ${i}, « élan » associatif`,
  };
  if (i % 4 === 0) a.budget = 1234.5;
  return a;
}

/** An async iterable over an array (what `store.stream` looks like). */
export async function* iterate<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** Parses RFC 4180 CSV text (quoted fields, doubled quotes, CRLF) into rows of strings. */
export function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/**
 * Every field a spreadsheet could make of CSV text whichever separator it assumes: the text
 * parsed with `,` and with `;`, whole and line by line (as a reader that cuts lines before
 * looking at quotes would). A quote opens a quoted field only at the start of a field, as
 * in `parseCsv`; elsewhere it is a plain character, as lenient readers take it.
 */
export function fieldsUnderEitherSeparator(text: string): string[] {
  const fields: string[] = [];
  for (const piece of [text, ...text.split(/\r\n|\r|\n/)]) {
    for (const separator of [',', ';']) for (const row of parseCsv(piece, separator)) fields.push(...row);
  }
  return fields;
}

/**
 * A field a spreadsheet could run as a formula: it starts with `=`, `+`, `-`, `@` or a tab,
 * after any carriage returns and line feeds, which readers may drop. (A field starting with
 * a line break and then text is harmless and cannot always be avoided: the other separator's
 * reader opens a quoted field at the closing quote of a cell ending in `;` or `,`, and reads
 * the record's end inside it.)
 */
export function runsAsFormula(field: string): boolean {
  return /^[\r\n]*[=+\-@\t]/.test(field);
}

/** Texts built to defeat formula escaping: formula starts, both separators, quotes, line breaks. */
export const HOSTILE_TEXTS = [
  "x;=cmd|' /C calc'!A0", 'x,=1+1', '=1+1', 'a;"=b', 'a,""+1', 'ligne\n-2', 'ligne\r\n@SUM(A1)', 'a;\t=1', 'x;\r=1',
  'fin;', 'fin,', '"=HYPERLINK(""http://x"")"', "'=déjà", '; ; =1',
];
