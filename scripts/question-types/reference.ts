/**
 * Writes docs/question-types.md, the reference of the question types, from the schema
 * (schemas/questionnaire.schema.json: each type's properties and descriptions), the compiler
 * (how each example is exported: its codebook rows) and examples.json (one example per type
 * and how it renders). Never edit the Markdown: run `npx tsx scripts/question-types/reference.ts`;
 * reference.test.ts fails when it is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assemble, codebookRows } from '@olva/compiler';
import { QUESTION_TYPES, type QuestionnaireDefinition } from '@olva/schema';

type Schema = Record<string, any>;
type Bilingual = { fr: string; en: string };
interface TypeExample { example: Record<string, unknown>; renders: Bilingual }

const root = new URL('../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(path, root)), 'utf8'));

/** The reference's file, from the repository root. */
export const REFERENCE_FILE = 'docs/question-types.md';

/** The example of every type, as examples.json holds them. */
export function typeExamples(): Record<string, TypeExample> {
  const { $comment: _, ...examples } = read('scripts/question-types/examples.json');
  return examples;
}

/** The schema branch (of `$defs/question`'s oneOf) that describes a type. */
function branchOf(schema: Schema, type: string): Schema {
  const branch = (schema.$defs.question.oneOf as Schema[]).find((b) => b.properties.type.const === type || b.properties.type.enum?.includes(type));
  if (!branch) throw new Error(`no schema branch for question type ${type}`);
  return branch;
}

/** A short name for the shape a property takes. */
function shape(schema: Schema, prop: Schema): string {
  if (prop.$ref) {
    const name = String(prop.$ref).replace('#/$defs/', '');
    return ({ localizedText: '`{fr, en}` text', condition: 'condition (JsonLogic)', questionId: 'id', code: 'code', choice: 'choice' } as Record<string, string>)[name] ?? name;
  }
  if (prop.const !== undefined) return `\`${JSON.stringify(prop.const)}\``;
  if (prop.enum) return prop.enum.map((v: unknown) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (prop.anyOf) return prop.anyOf.map((p: Schema) => shape(schema, p)).join(' or ');
  if (prop.type === 'array') return `array of ${shape(schema, prop.items)}${prop.minItems ? ` (≥ ${prop.minItems})` : ''}`;
  if (prop.type === 'object') return `object {${Object.keys(prop.properties ?? {}).join(', ')}}`;
  const bounds = [prop.minimum !== undefined ? `≥ ${prop.minimum}` : '', prop.maximum !== undefined ? `≤ ${prop.maximum}` : ''].filter(Boolean).join(', ');
  return `${prop.type}${bounds ? ` (${bounds})` : ''}`;
}

/** JSON as people write it: a value that fits on one line of 96 characters stays on one line. */
export function compactJson(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat.length + indent.length <= 96 || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${compactJson(v, inner)}`).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** Pipes and line breaks would break a Markdown table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function propertyTable(schema: Schema, branch: Schema): string {
  const lines = ['| property | required | value | description |', '|---|---|---|---|'];
  for (const [name, prop] of Object.entries(branch.properties as Record<string, Schema>)) {
    const description = prop.description ?? (prop.$ref ? schema.$defs[String(prop.$ref).replace('#/$defs/', '')]?.description : '') ?? '';
    lines.push(`| \`${name}\` | ${branch.required.includes(name) ? 'yes' : ''} | ${cell(shape(schema, prop))} | ${cell(description)} |`);
  }
  return lines.join('\n');
}

/** How the example is exported: its codebook rows, as the compiler writes them. */
function exportTable(example: Record<string, unknown>): string {
  const core = {
    id: 'reference', version: '1.0.0', title: { fr: 'Référence', en: 'Reference' },
    sections: [{ id: 'section', title: { fr: 'Partie', en: 'Section' }, items: [example] }],
  } as unknown as QuestionnaireDefinition;
  const rows = codebookRows(assemble(core, null));
  const lines = ['| column | kind | format | codes |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| \`${r.variable}\` | ${r.kind} | ${cell(r.format_en === r.format_fr ? r.format_en : `${r.format_en} / ${r.format_fr}`)} | ${cell(r.codes_en)} |`);
  return lines.join('\n');
}

/** The whole reference, as Markdown. */
export function questionTypesReference(): string {
  const schema = read('schemas/questionnaire.schema.json') as Schema;
  const examples = typeExamples();
  const out: string[] = [
    '# Question types / types de question',
    '',
    '<!-- Generated by scripts/question-types/reference.ts from schemas/questionnaire.schema.json, the compiler\'s codebook and scripts/question-types/examples.json. Do not edit. -->',
    '',
    'Every question has an `id` (`<namespace>.<id>` in an extension), a `type` and a `label`',
    '`{fr, en}`; `help`, `required` and `visibleWhen` work the same for every type. For each type:',
    'its properties (from the schema, with its descriptions), an example, how `<olva-survey>`',
    'and the paper form show it, and the columns it gives in the data export (from the',
    'compiler\'s codebook). Writing an extension: [`extension-guide.md`](extension-guide.md).',
    '',
    '*Français.* Chaque type : ses propriétés (tirées du schéma), un exemple, son rendu à l’écran',
    'et sur papier, et les colonnes de l’export (tirées du livre de codes du compilateur).',
    '',
    QUESTION_TYPES.map((t) => `[\`${t}\`](#${t})`).join(' · '),
    '',
  ];
  for (const type of QUESTION_TYPES) {
    const branch = branchOf(schema, type);
    const entry = examples[type];
    if (!entry) throw new Error(`scripts/question-types/examples.json has no example of ${type}`);
    out.push(
      `## ${type}`, '',
      `${branch.description}`, '',
      propertyTable(schema, branch), '',
      '**Example**', '',
      '```json', compactJson(entry.example), '```', '',
      `**Rendering.** ${entry.renders.en}`, '',
      `*Rendu.* ${entry.renders.fr}`, '',
      '**Export** (codebook rows of the example)', '',
      exportTable(entry.example), '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(fileURLToPath(new URL(REFERENCE_FILE, root)), questionTypesReference());
  console.log(`wrote ${REFERENCE_FILE}`);
}
