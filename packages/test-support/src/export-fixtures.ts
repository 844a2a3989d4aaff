/**
 * Test support for exports and statistics: a small compiled questionnaire with every column
 * shape (single with "other", multiple with "other", matrix, scale, boolean, numbers, texts),
 * an extension version of it, synthetic stored responses, and an RFC 4180 parser to read
 * CSV back. Not used by the collector at run time.
 */
import { PassThrough } from 'node:stream';
import type { CompiledQuestionnaire, Question, ResponsePayload } from '@olva/schema';
import type { StoredResponse } from '@olva/collector';
import { compiledQuestionnaire } from './compiled.js';

function profileQuestions(): Question[] {
  return [
    { id: 'secteur_principal', type: 'single', label: { fr: 'Secteur principal', en: 'Main sector' },
      choices: [
        { code: 'sport', label: { fr: 'Sport', en: 'Sport' } },
        { code: 'culture', label: { fr: 'Culture', en: 'Culture' } },
        { code: 'social', label: { fr: 'Action sociale, santé', en: 'Social action, health' } },
        { code: 'formule', label: { fr: '=HYPERLINK("http://x")', en: 'formula' } },
      ],
      other: { label: { fr: 'Autre secteur', en: 'Other sector' } } },
    { id: 'publics', type: 'multiple', label: { fr: 'Publics visés', en: 'Audiences' },
      choices: [
        { code: 'enfants', label: { fr: 'Enfants', en: 'Children' } },
        { code: 'jeunes', label: { fr: 'Jeunes', en: 'Youth' } },
        { code: 'aines', label: { fr: 'Aînés', en: 'Elderly' } },
      ],
      other: { label: { fr: 'Autres publics' } } },
    { id: 'employeur', type: 'boolean', label: { fr: 'Employeur ?', en: 'Employer?' } },
    { id: 'nb_benevoles', type: 'integer', label: { fr: 'Nombre de bénévoles' }, min: 0, max: 100000 },
    { id: 'budget', type: 'decimal', label: { fr: 'Budget annuel (€)' } },
    { id: 'commune_siege', type: 'commune', label: { fr: 'Commune du siège' } },
  ] as Question[];
}

function needsQuestions(): Question[] {
  return [
    { id: 'satisfaction', type: 'scale', label: { fr: 'Satisfaction' },
      choices: [
        { code: '1', label: { fr: 'Pas du tout' } }, { code: '2', label: { fr: 'Un peu' } },
        { code: '3', label: { fr: 'Assez' } }, { code: '4', label: { fr: 'Très' } },
      ] },
    { id: 'difficultes', type: 'matrix', label: { fr: 'Difficultés' },
      rows: [{ code: 'locaux', label: { fr: 'Locaux' } }, { code: 'benevoles', label: { fr: 'Bénévoles' } }],
      choices: [{ code: 'aucune', label: { fr: 'Aucune' } }, { code: 'forte', label: { fr: 'Forte' } }] },
    { id: 'commentaire', type: 'textarea', label: { fr: 'Commentaire libre' } },
  ] as Question[];
}

const TITLE = { fr: 'Observation locale de la vie associative', en: 'Local observation of associative life' };

/** A compiled core (`olva-core` 2026.1.0; the builder appends the choice `other`) with one question of each column shape. */
export function fixtureCore(version = '2026.1.0'): CompiledQuestionnaire {
  return compiledQuestionnaire({
    id: 'olva-core', questionnaire: { id: 'olva-core', version }, territory: null, title: TITLE, pointers: 'none',
    sections: [
      { id: 'profil', title: { fr: 'Profil' }, questions: profileQuestions() },
      { id: 'besoins', title: { fr: 'Besoins' }, questions: needsQuestions() },
    ],
  });
}

/** The core with the Rennes extension (`rennes-2026` 1.0.0): one question inserted in "besoins". */
export function fixtureRennes(): CompiledQuestionnaire {
  const extension = { kind: 'extension' as const, id: 'rennes-2026', version: '1.0.0' };
  const local = { id: 'rennes.locaux_quartier', type: 'single', label: { fr: 'Locaux dans le quartier ?' },
    choices: [{ code: 'oui', label: { fr: 'Oui' } }, { code: 'non', label: { fr: 'Non' } }] } as Question;
  const [satisfaction, difficultes, commentaire] = needsQuestions();
  return compiledQuestionnaire({
    id: 'olva-core+rennes-2026', questionnaire: { id: 'olva-core', version: '2026.1.0' }, title: TITLE, pointers: 'none',
    extension: { id: 'rennes-2026', version: '1.0.0', namespace: 'rennes' },
    territory: { level: 'commune', code: '35238', name: 'Rennes' },
    sections: [
      { id: 'profil', title: { fr: 'Profil' }, questions: profileQuestions() },
      { id: 'besoins', title: { fr: 'Besoins' }, questions: [satisfaction, difficultes, { question: local, from: extension, pointer: '/insert/0/items/0' }, commentaire] },
    ],
  });
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

/** The bytes `write` puts into a stream, once it resolved (an export's file, e.g. a workbook). */
export async function bytesWritten(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
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
