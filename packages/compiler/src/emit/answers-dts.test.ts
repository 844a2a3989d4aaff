import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { emitAnswersTypes } from './answers-dts.js';
import { loadFixture } from './__fixtures__/rennes.js';

const PROBE = `
const ok: Answers = { secteur: 'sport', 'rennes.locaux_quartier': 'oui', activites: ['aucun'], difficultes: { locaux: 'forte' } };
// @ts-expect-error: not a code of secteur
const bad: Answers = { secteur: 'peche' };
export { ok, bad };
`;

/** Type-checks generated files (each followed by a probe using `Answers`) in one program. */
function diagnostics(sources: Record<string, string>): string[] {
  const host = ts.createCompilerHost({});
  const original = host.getSourceFile;
  host.getSourceFile = (name, lang) =>
    name in sources ? ts.createSourceFile(name, `${sources[name]}\n${PROBE}`, lang) : original(name, lang);
  const program = ts.createProgram(Object.keys(sources), { strict: true, noEmit: true, types: [], lib: ['lib.es5.d.ts'] }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('answers.d.ts', () => {
  it('names the interface after the build, aliases it as Answers, quotes dotted ids', async () => {
    const dts = await emitAnswersTypes(loadFixture());
    expect(dts).toMatch(/export interface OlvaCoreRennes2026Answers \{/);
    expect(dts).toMatch(/export type Answers = OlvaCoreRennes2026Answers;/);
    expect(dts).toContain("'rennes.locaux_quartier'?: 'oui' | 'non';");
    expect(dts).toContain("secteur?: 'sport' | 'culture' | 'social' | 'other';");
  });

  it('type-checks, rejects a wrong code, and survives a comment-closing label', async () => {
    const normal = await emitAnswersTypes(loadFixture());
    const tricky = loadFixture();
    tricky.sections[0].questions[0].label.fr = 'Fin de commentaire */ export const x = 1; /*';
    const trickyDts = await emitAnswersTypes(tricky);
    expect(trickyDts).not.toMatch(/^export const x/m);
    expect(diagnostics({ 'normal.ts': normal, 'tricky.ts': trickyDts })).toEqual([]);
  });
});
