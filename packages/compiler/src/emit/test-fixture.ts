/** The hand-written compiled questionnaire the emitter tests run on (every question type). */
import { readFileSync } from 'node:fs';
import type { CompiledQuestionnaire } from '@olva/schema';

/** A fresh copy of `fixtures/compiled.json` (core + the Rennes extension, 14 questions). */
export function loadFixture(): CompiledQuestionnaire {
  return JSON.parse(readFileSync(new URL('./fixtures/compiled.json', import.meta.url), 'utf8')) as CompiledQuestionnaire;
}
