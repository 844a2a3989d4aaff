import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { emitAnswersTypes } from './answers-dts.js';
import { loadFixture } from './test-fixture.js';

function diagnostics(source: string): string[] {
  const file = 'answers-probe.ts';
  const probe = `${source}\nconst ok: Answers = { secteur: 'sport', 'rennes.locaux_quartier': 'oui', activites: ['aucun'], difficultes: { locaux: 'forte' } };\n` +
    "// @ts-expect-error: not a code of secteur\nconst bad: Answers = { secteur: 'peche' };\nexport { ok, bad };\n";
  const host = ts.createCompilerHost({ strict: true, noEmit: true });
  const original = host.getSourceFile;
  host.getSourceFile = (name, lang) => (name === file ? ts.createSourceFile(name, probe, lang) : original(name, lang));
  const program = ts.createProgram([file], { strict: true, noEmit: true, types: [] }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('answers.d.ts', () => {
  it('names the interface after the build, aliases it as Answers, quotes dotted ids', async () => {
    const dts = await emitAnswersTypes(loadFixture());
    expect(dts).toMatch(/export interface OlvaCoreRennes2026Answers \{/);
    expect(dts).toMatch(/export type Answers = OlvaCoreRennes2026Answers;/);
    expect(dts).toContain("'rennes.locaux_quartier'?: 'oui' | 'non';");
    expect(dts).toContain("secteur?: 'sport' | 'culture' | 'social';");
  });

  it('type-checks, and rejects a wrong code', async () => {
    const dts = await emitAnswersTypes(loadFixture());
    expect(diagnostics(dts)).toEqual([]);
  });

  it('keeps a comment-closing label from breaking the file', async () => {
    const compiled = loadFixture();
    compiled.sections[0].questions[0].label.fr = 'Fin de commentaire */ export const x = 1; /*';
    const dts = await emitAnswersTypes(compiled);
    expect(diagnostics(dts)).toEqual([]);
    expect(dts).not.toMatch(/^export const x/m);
  });
});
