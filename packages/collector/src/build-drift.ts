/**
 * A build rebuilt from a changed definition without a new version: the collector keeps the
 * definition it first stored answers under (`olva_questionnaires`), but exports, results and
 * the cockpit read every answer of that version with the build's codes and wording. Reworded,
 * the answers given to the old wording are shown under the new one; recoded, they no longer
 * match their choices. Said at start, per build, so that the operator raises the version.
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import { text, type Text } from './messages.js';

/** How a question's answers are read: its type, its choice codes and its row codes. */
interface Reading {
  type: string;
  choices: string[];
  rows: string[];
  words: string[];
}

type Listed = { code: string; label?: { fr?: string; en?: string } };

function readings(compiled: CompiledQuestionnaire): Map<string, Reading> {
  const out = new Map<string, Reading>();
  for (const section of compiled.sections) {
    for (const q of section.questions) {
      const { choices = [], rows = [] } = q as { choices?: Listed[]; rows?: Listed[] };
      const words = [q.label, ...choices.map((c) => c.label), ...rows.map((r) => r.label)].map((l) => `${l?.fr ?? ''}|${l?.en ?? ''}`);
      out.set(q.id, { type: q.type, choices: choices.map((c) => c.code), rows: rows.map((r) => r.code), words });
    }
  }
  return out;
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The questions whose reading (type, codes) and whose wording differ between the stored definition and the build. */
export function buildDrift(stored: CompiledQuestionnaire, build: CompiledQuestionnaire): { recoded: string[]; reworded: string[] } {
  const before = readings(stored);
  const after = readings(build);
  const recoded: string[] = [];
  const reworded: string[] = [];
  for (const [id, was] of before) {
    const now = after.get(id);
    if (!now || now.type !== was.type || !same(now.choices, was.choices) || !same(now.rows, was.rows)) recoded.push(id);
    else if (!same(now.words, was.words)) reworded.push(id);
  }
  for (const id of after.keys()) if (!before.has(id)) recoded.push(id);
  return { recoded, reworded };
}

/** At most this many question ids are named in a warning. */
const NAMED = 5;

function named(ids: readonly string[]): string {
  return ids.length > NAMED ? `${ids.slice(0, NAMED).join(', ')}… (${ids.length})` : ids.join(', ');
}

/**
 * Warnings for the accepted builds that differ from the definition stored under the same
 * versions (`stored` by build id; a build with nothing stored yet has nothing to differ from).
 */
export function buildDriftWarnings(builds: readonly { buildId: string; compiled: CompiledQuestionnaire }[], stored: ReadonlyMap<string, CompiledQuestionnaire>): Text[] {
  const out: Text[] = [];
  for (const b of builds) {
    const kept = stored.get(b.buildId);
    // Another format is olva's own change (format 2 added the reserved `other` choice), not the definition's.
    if (!kept || kept.formatVersion !== b.compiled.formatVersion) continue;
    const { recoded, reworded } = buildDrift(kept, b.compiled);
    const ext = b.compiled.extension;
    const versions = `${b.compiled.questionnaire.id} ${b.compiled.questionnaire.version}${ext ? ` + ${ext.id} ${ext.version}` : ''}`;
    // One question or several: the words agree with the count (« la question … ajoutée »), no « question(s) ».
    if (recoded.length) out.push(text(recoded.length === 1 ? 'warning.build-recoded-one' : 'warning.build-recoded', { build: b.buildId, versions, questions: named(recoded) }));
    else if (reworded.length) out.push(text(reworded.length === 1 ? 'warning.build-reworded-one' : 'warning.build-reworded', { build: b.buildId, versions, questions: named(reworded) }));
  }
  return out;
}
