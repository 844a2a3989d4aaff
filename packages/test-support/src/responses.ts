/**
 * Test support, shared by the analysis, the CLI, the reports and `<olva-results>`: the real
 * common core compiled alone and with the example extensions, and generated responses over
 * several territories and two waves (seeded, so a failure replays).
 * Each generated response also records what the generator knows independently of the
 * analysis: which questions were shown and what was answered.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledQuestion, CompiledQuestionnaire, ResponsePayload, TerritorialExtension } from '@olva/schema';
import { unhandledQuestionType } from '@olva/schema';
import { assemble } from '@olva/compiler';
import { loadCoreQuestionnaire } from '@olva/core-questionnaire';
import { allQuestions, computeVisibility } from '@olva/runtime';
import { prng } from './prng.js';

const extension = (name: string): TerritorialExtension =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../examples/extensions/${name}.json`, import.meta.url)), 'utf8')) as TerritorialExtension;

/** The builds: the bare core, core + Rennes, core + Lorient (with `nb_dirigeants` marked personal). */
export function builds(): { core: CompiledQuestionnaire; rennes: CompiledQuestionnaire; lorient: CompiledQuestionnaire } {
  const core = assemble(loadCoreQuestionnaire(), null);
  const rennes = assemble(loadCoreQuestionnaire(), extension('rennes-2026'));
  const lorient = assemble(loadCoreQuestionnaire(), extension('lorient-agglo-2026'));
  const personal = allQuestions(lorient).find((q) => q.id === 'nb_dirigeants')!;
  personal.personal = true;
  return { core, rennes, lorient };
}

/**
 * The example 2027 core (`examples/core-2027/`, a MAJOR version of the current one): the
 * sector `social_sante` split into `action_sociale` and `sante` in `secteur_principal` and in
 * the multiple choice `secteurs_secondaires`, with its crosswalk.
 */
export function splitCore(): CompiledQuestionnaire {
  const file = fileURLToPath(new URL('../../../examples/core-2027/olva-core-2027.json', import.meta.url));
  return assemble(JSON.parse(readFileSync(file, 'utf8')), null);
}

/** A generated response and what the generator knows of it. */
export interface Generated {
  payload: ResponsePayload;
  compiled: CompiledQuestionnaire;
  /** Questions shown to the respondent. */
  shown: Set<string>;
}

/** A source of numbers in [0, 1). */
export type Random = () => number;

function answerFor(q: CompiledQuestion, random: Random): unknown {
  // Skewed choices, so that some codes are rare and the frequency rule has work to do.
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() ** 2 * list.length)]!;
  switch (q.type) {
    case 'single': return pick(q.choices.map((c) => c.code));
    case 'multiple': {
      const codes = q.choices.filter(() => random() < 0.3).map((c) => c.code);
      return codes.length ? codes : [pick(q.choices.map((c) => c.code))];
    }
    case 'boolean': return random() < 0.4;
    case 'scale': return 1 + Math.floor(random() * q.choices.length);
    case 'matrix': return Object.fromEntries(q.rows.filter(() => random() < 0.8).map((r) => [r.code, pick(q.choices.map((c) => c.code))]));
    case 'integer': return Math.floor(random() * 200);
    case 'decimal': return Math.round(random() * 500) / 10;
    case 'year': return 1950 + Math.floor(random() * 76);
    case 'commune': return '35238';
    case 'email': return 'contact@example.org';
    case 'text': case 'textarea': return `texte ${Math.floor(random() * 1000)}`;
    default: return unhandledQuestionType(q);
  }
}

/** The territories, waves, builds and sizes of the generated sample. */
export const SAMPLE = [
  { territory: { level: 'commune', code: '35238' }, wave: '2026', build: 'rennes', size: 70 },
  { territory: { level: 'commune', code: '35238' }, wave: '2025', build: 'core', size: 24 },
  { territory: { level: 'epci', code: '200042174' }, wave: '2026', build: 'lorient', size: 45 },
  { territory: { level: 'commune', code: '29019' }, wave: '2026', build: 'core', size: 7 },
  { territory: { level: 'departement', code: '35' }, wave: 'printemps-2026', build: 'core', size: 33 },
] as const;

/**
 * The core in its next minor version (2026.2.0 → 2026.3.0): a choice added at the end of
 * `secteur_principal` and a new question `nb_projets` right after it, as a minor version may.
 */
export function laterCore(): CompiledQuestionnaire {
  const core = loadCoreQuestionnaire();
  const [year, minor] = core.version.split('.');
  core.version = `${year}.${Number(minor) + 1}.0`;
  const profil = core.sections[0]!;
  const sector = profil.items.find((i) => 'id' in i && i.id === 'secteur_principal') as { choices: { code: string; label: { fr: string } }[] };
  sector.choices.push({ code: 'numerique', label: { fr: 'Numérique' } });
  profil.items.splice(3, 0, { id: 'nb_projets', type: 'integer', label: { fr: 'Nombre de projets' }, min: 0 } as never);
  return assemble(core, null);
}

/**
 * The core in its next minor version with a crosswalk from the current one: in
 * `secteur_principal` the choices `caritatif_humanitaire` and `social_sante` merge into
 * `solidarite`; `echelle_action` is renamed `echelle_intervention` (same codes);
 * `situation_financiere` is declared not comparable.
 */
export function crosswalkCore(): CompiledQuestionnaire {
  const core = loadCoreQuestionnaire();
  const previous = core.version;
  const [year, minor] = core.version.split('.');
  core.version = `${year}.${Number(minor) + 1}.0`;
  const profil = core.sections[0]!;
  const item = (id: string) => profil.items.find((i) => 'id' in i && i.id === id) as unknown as { id: string; choices: { code: string; label: { fr: string; en?: string } }[] };
  const sector = item('secteur_principal');
  const at = sector.choices.findIndex((c) => c.code === 'caritatif_humanitaire');
  sector.choices = sector.choices.filter((c) => c.code !== 'caritatif_humanitaire' && c.code !== 'social_sante');
  sector.choices.splice(at, 0, { code: 'solidarite', label: { fr: 'Solidarité, action sociale, santé', en: 'Solidarity, social action, health' } });
  item('echelle_action').id = 'echelle_intervention';
  const crosswalk = {
    from: previous,
    questions: [
      { question: 'secteur_principal', from: 'secteur_principal', codes: { caritatif_humanitaire: ['solidarite'], social_sante: ['solidarite'] } },
      { question: 'echelle_intervention', from: 'echelle_action' },
      { question: 'situation_financiere', notComparable: { fr: 'Les modalités ont changé de sens.', en: 'The answers changed meaning.' } },
    ],
  };
  (core as { crosswalk?: unknown }).crosswalk = crosswalk;
  const compiled = assemble(core, null);
  // The compiler copies the crosswalk into the build (helper `versions`); until then, here.
  (compiled as { crosswalk?: unknown }).crosswalk ??= crosswalk;
  return compiled;
}

let counter = 0;

/** Generated responses to one build, for one territory and wave. */
export function generateFor(compiled: CompiledQuestionnaire, territory: ResponsePayload['territory'], wave: string, size: number, random: Random): Generated[] {
  const out: Generated[] = [];
  for (let k = 0; k < size; k++) {
    const raw: Record<string, unknown> = {};
    for (const q of allQuestions(compiled)) if (random() > 0.1) raw[q.id] = answerFor(q, random);
    const state = computeVisibility(compiled, raw as never);
    counter += 1;
    const payload = {
      kind: 'olva-response', specVersion: 1,
      submissionId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
      questionnaire: { ...compiled.questionnaire },
      extension: compiled.extension ? { id: compiled.extension.id, version: compiled.extension.version } : null,
      territory: { ...territory }, wave, channel: 'web', locale: 'fr',
      startedAt: '2026-03-01T10:00:00Z', submittedAt: '2026-03-01T10:20:00Z',
      client: { name: 'test', version: '1' },
      answers: state.answers,
    } as ResponsePayload;
    out.push({ payload, compiled, shown: state.visible });
  }
  return out;
}

/** Generated responses over the sample, in an interleaved order. */
export function generate(seed: number): Generated[] {
  const random = prng(seed);
  const b = builds();
  const out: Generated[] = [];
  for (const s of SAMPLE) out.push(...generateFor(b[s.build], s.territory, s.wave, s.size, random));
  // Interleave the territories, as a collector's stream does.
  return out.map((g) => ({ g, key: random() })).sort((a, b) => a.key - b.key).map(({ g }) => g);
}

/** An async iterable over payloads, like the collector's store stream. */
export async function* stream(items: readonly Generated[]): AsyncIterable<ResponsePayload> {
  for (const g of items) yield g.payload;
}
