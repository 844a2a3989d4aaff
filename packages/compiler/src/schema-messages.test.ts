import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateDocuments } from './validate.js';
import { localized } from './problems.js';
import { schemaMessage } from './schema-messages.js';
import { QUESTION_TYPES } from '@olva/schema';
import type { LoadedDocument } from './load.js';

const read = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`./lint/fixtures/_base/${name}`, import.meta.url)), 'utf8'));

/** A core broken in one place per ajv keyword the OLVA schemas use. */
function brokenCore() {
  const core = read('core.json');
  const [secteur, activites, employeur, nbSalaries] = core.sections[0].items;
  core.title = 3; // type
  secteur.id = 'Secteur'; // pattern
  secteur.choices[0].label.fr = ''; // minLength
  secteur.colour = 'red'; // additionalProperties
  activites.minSelected = -1; // minimum
  activites.visibleWhen = {}; // minProperties
  delete employeur.label; // required
  nbSalaries.visibleWhen = { '==': [1, 1], '!=': [1, 2] }; // maxProperties
  core.sections[1].items[1].type = 'number'; // discriminator
  core.checks[0].level = 'fatal'; // enum
  core.sections[1].items.push({ id: 'x'.repeat(70), type: 'boolean', label: { fr: 'x' } }); // maxLength
  return core;
}

function brokenExtension() {
  const ext = read('extension.json');
  ext.territory = { level: 'custom', code: 'nord', name: 'Nord', communes: ['35238', '35024', '35238'] }; // uniqueItems
  ext.sections[0].items = []; // minItems
  return ext;
}

const problems = validateDocuments([
  { file: 'core.json', document: brokenCore(), kind: 'questionnaire' },
  { file: 'extension.json', document: brokenExtension(), kind: 'extension' },
] as LoadedDocument[]);

describe('schema problems in the chosen language', () => {
  it('covers the keywords of the OLVA schemas', () => {
    const rules = new Set(problems.map((p) => p.rule));
    for (const k of ['type', 'pattern', 'minLength', 'maxLength', 'additionalProperties', 'minimum', 'minProperties', 'maxProperties', 'required', 'discriminator', 'enum', 'uniqueItems', 'minItems']) {
      expect(rules, k).toContain(`schema/${k}`);
    }
  });

  it('never shows an English validator text in French output', () => {
    for (const p of problems) {
      const { message, hint } = localized(p, 'fr');
      const line = `${message} — ${hint ?? ''}`;
      expect(line, line).not.toMatch(/\b(must|should|property|items?|allowed|match(es)?)\b/);
      expect(p.fr!.message).not.toBe(p.message);
    }
  });

  it('counts from 1 in words, from 0 in pointers', () => {
    const dup = problems.find((p) => p.rule === 'schema/uniqueItems')!;
    expect(dup.pointer).toBe('/territory/communes');
    expect(dup.fr!.message).toBe('les éléments 1 et 3 sont identiques');
    expect(dup.message).toBe('items 1 and 3 are identical');
  });

  it('says what is wrong in words a person reads', () => {
    const by = (rule: string) => problems.find((p) => p.rule === rule)!;
    expect(by('schema/type').fr!.message).toBe('doit être un objet');
    // "number" is JSON Schema's word, no typo of an OLVA type: the types it may mean are offered,
    // and the pointer is the `type` itself, where the editor's line and column should land.
    expect(by('schema/discriminator').fr!.message).toBe('"number" n’est pas un type de question ; vouliez-vous dire "integer" ou "decimal" ?');
    expect(by('schema/discriminator').message).toBe('"number" is not a question type; did you mean "integer" or "decimal"?');
    expect(by('schema/discriminator').pointer).toBe('/sections/1/items/1/type');
    expect(schemaMessage('discriminator', { tag: 'type', tagValue: 'Checkbox' }, '').fr).toBe('"Checkbox" n’est pas un type de question ; vouliez-vous dire "multiple" ?');
    expect(schemaMessage('discriminator', { tag: 'type', tagValue: 'toString' }, '').en).toBe('"toString" is not a question type');
    expect(schemaMessage('discriminator', { tag: 'type' }, '').fr).toBe('la propriété « type » manque ou n’est pas un texte');
    // Every type of the contract, a type added later included (a fixed list once left one out).
    expect(localized(by('schema/discriminator'), 'fr').hint).toBe(`utilisez un des types de question : ${QUESTION_TYPES.join(', ')}`);
    expect(localized(by('schema/discriminator'), 'en').hint).toBe(`use one of the question types: ${QUESTION_TYPES.join(', ')}`);
    expect(schemaMessage('discriminator', { tag: 'type', tagValue: 'singel' }, '')).toEqual({
      fr: '"singel" n’est pas un type de question ; vouliez-vous dire "single" ?',
      en: '"singel" is not a question type; did you mean "single"?',
    });
    expect(schemaMessage('additionalProperties', { additionalProperty: 'visiblewhen' }, '').fr).toBe('propriété inconnue « visiblewhen » ; vouliez-vous dire "visibleWhen" ?');
    expect(by('schema/additionalProperties').fr!.message).toBe('propriété inconnue « colour »');
    expect(by('schema/minimum').fr!.message).toBe('doit valoir au moins 0');
    expect(by('schema/enum').fr!.message).toBe('doit être une de ces valeurs : "error", "warning"');
  });

  it('tells a beginner what to write for a value of the wrong type: a number in quotes, a text in one language', () => {
    const core = read('core.json');
    const [secteur, activites] = core.sections[0].items;
    secteur.label = 'Secteur'; // a text, not {fr, en}
    activites.minSelected = '1'; // a number in quotes
    const found = validateDocuments([{ file: 'core.json', document: core, kind: 'questionnaire' }] as LoadedDocument[]);
    const at = (pointer: string) => found.find((p) => p.pointer === pointer && p.rule === 'schema/type')!;
    expect(at('/sections/0/items/0/label').fr!.hint).toBe('un texte s’écrit dans les deux langues : {"fr": "Secteur", "en": "…"}');
    expect(at('/sections/0/items/0/label').hint).toBe('a text is written in both languages: {"fr": "Secteur", "en": "…"}');
    expect(at('/sections/0/items/1/minSelected').fr!.hint).toBe('écrivez le nombre sans guillemets : 1');
    expect(at('/sections/0/items/1/minSelected').hint).toBe('write the number without quotes: 1');
    // A wrong type with no better advice keeps the generic one (the title given as 3 above).
    expect(problems.find((p) => p.rule === 'schema/type')!.fr!.hint).toBe('donnez une valeur du type attendu');
  });
});
