/**
 * Questionnaires of other shapes than the core, for the front bench: a fast first question on
 * our own core alone proves little (an independent harness found olva at 0.435 of SurveyJS on a
 * 50-question questionnaire it had never seen). Each shape is generated here, deterministically,
 * as a questionnaire definition, then compiled by the project's own CLI (`olva build`), which
 * writes both olva's `questionnaire.json` and the SurveyJS model the bench gives SurveyJS.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const text = (fr, en) => ({ fr, en });

/** Choice lists of a given length, with labels of realistic length. */
const choices = (n, stem) => Array.from({ length: n }, (_, i) => ({
  code: `${stem}_${i + 1}`,
  label: text(`Réponse ${i + 1} : ${stem.replace(/_/g, ' ')} de longueur ordinaire`, `Answer ${i + 1}: ordinary-length ${stem.replace(/_/g, ' ')}`),
}));

/** The n-th question of a mixed questionnaire, cycling through the common types. */
function mixedQuestion(n) {
  const id = `q${String(n).padStart(2, '0')}`;
  const label = text(`Question ${n} : combien, quoi ou comment pour votre association ?`, `Question ${n}: how many, what or how for your association?`);
  const help = n % 3 === 0 ? { help: text('Une aide courte pour préciser la question.', 'A short help text.') } : {};
  switch (n % 8) {
    case 0: return { id, type: 'single', label, ...help, required: true, choices: choices(6, `choix_${id}`) };
    case 1: return { id, type: 'multiple', label, ...help, choices: choices(8, `coche_${id}`) };
    case 2: return { id, type: 'integer', label, ...help, min: 0, max: 100000 };
    case 3: return { id, type: 'boolean', label, ...help, required: true };
    case 4: return { id, type: 'text', label, ...help, maxLength: 200 };
    case 5: return { id, type: 'scale', label, ...help, choices: choices(5, `niveau_${id}`) };
    case 6: return { id, type: 'year', label, ...help, min: 1900, max: 2026 };
    default: return { id, type: 'decimal', label, ...help, min: 0 };
  }
}

function definition(id, sections) {
  return { id, version: '1.0.0', title: text(`Questionnaire « ${id} »`, `Questionnaire "${id}"`), sections, checks: [] };
}

const section = (i, items) => ({ id: `partie_${i}`, title: text(`Partie ${i}`, `Part ${i}`), items });

/** The shapes: name → definition. */
export function shapeDefinitions() {
  const fifty = Array.from({ length: 50 }, (_, i) => mixedQuestion(i + 1));
  const matrices = Array.from({ length: 8 }, (_, i) => ({
    id: `m${i + 1}`, type: 'matrix', label: text(`Tableau ${i + 1} : pour chaque ligne, votre réponse`, `Table ${i + 1}: for each row, your answer`),
    rows: choices(10, `ligne_m${i + 1}`), choices: choices(5, `colonne_m${i + 1}`),
  }));
  return {
    // Five parts of ten questions: the first page shows ten.
    'mixed-50': definition('bench-mixed-50', [0, 1, 2, 3, 4].map((p) => section(p + 1, fifty.slice(p * 10, p * 10 + 10)))),
    // Everything on the first page: the worst case for the first question.
    'one-page-50': definition('bench-one-page-50', [section(1, fifty)]),
    // Eight 10 × 5 matrices on one page.
    'matrices-8': definition('bench-matrices-8', [section(1, matrices)]),
  };
}

/**
 * Writes each shape's definition under `dir` and compiles it with the built CLI; returns
 * shape → build directory (holding questionnaire.json and surveyjs.json).
 */
export function buildShapes(repo, dir) {
  const builds = {};
  for (const [name, def] of Object.entries(shapeDefinitions())) {
    const file = join(dir, `${name}.json`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(def, null, 2));
    const out = join(dir, name);
    execFileSync(process.execPath, [join(repo, 'packages/cli/dist/bin.js'), 'build', file, '--out', out], { stdio: 'pipe' });
    builds[name] = out;
  }
  return builds;
}
