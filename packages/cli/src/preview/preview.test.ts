import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompilerProblem } from '@olva/compiler';
import type { Question } from '@olva/schema';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import { extensionOnly } from './extension-only.js';
import { surveyPage } from './pages.js';
import { startPreview, type Preview } from './server.js';
import { builtLine } from '../commands/preview.js';

const label = (fr: string) => ({ fr, en: fr });
const ext = { kind: 'extension' as const, id: 'essai', version: '1.0.0' };

function mixed() {
  return compiledQuestionnaire({
    id: 'fixture+essai', title: label('Essai'), extension: { id: 'essai', version: '1.0.0', namespace: 'essai' },
    sections: [
      { id: 'profil', title: label('Profil'), questions: [
        { id: 'employeur', type: 'boolean', label: label('Employeur ?') } as Question,
        { question: { id: 'essai.salles', type: 'boolean', label: label('Salles ?'), visibleWhen: { '==': [{ var: 'employeur' }, true] } } as Question, from: ext },
        { question: { id: 'essai.nb_salles', type: 'integer', label: label('Combien ?'), visibleWhen: { '==': [{ var: 'essai.salles' }, true] } } as Question, from: ext },
      ] },
      { id: 'membres', title: label('Membres'), questions: [{ id: 'nb_membres', type: 'integer', label: label('Membres ?') } as Question] },
    ],
  });
}

describe('the "extension only" view', () => {
  it('keeps the extension\'s questions only, and drops the conditions that read the core', () => {
    const cut = extensionOnly(mixed())!;
    expect(cut.compiled.sections.map((s) => [s.id, s.questions.map((q) => q.id)])).toEqual([['profil', ['essai.salles', 'essai.nb_salles']]]);
    expect(cut.compiled.sections[0]!.questions[0]!.visibleWhen).toBeUndefined();
    expect(cut.compiled.sections[0]!.questions[1]!.visibleWhen).toEqual({ '==': [{ var: 'essai.salles' }, true] });
    expect(cut.droppedConditions).toBe(1);
  });

  it('does not apply to a bare core', () => {
    expect(extensionOnly({ ...mixed(), extension: null })).toBeNull();
  });
});

describe('the survey page', () => {
  it('writes problems and definition text as text, and inlines JSON that cannot close its script', () => {
    const compiled = mixed();
    compiled.title = label('</script><script>alert(1)</script>');
    const problem: CompilerProblem = {
      file: 'ext<b>.json', pointer: '/sections/0/items/0', rule: 'schema/enum', severity: 'error',
      message: 'must be <img src=x onerror=alert(1)>', fr: { message: 'doit être <img src=x onerror=alert(1)>' }, line: 3, column: 5,
    };
    const html = surveyPage({
      lang: 'fr', view: { extensionOnly: false }, shown: compiled,
      state: { number: 2, ok: false, problems: [problem], good: { compiled, files: { 'paper.html': '', 'codebook.md': '', 'codebook.csv': '' } } },
    });
    expect(html).not.toMatch(/<img|<b>|<script>alert/);
    expect(html).toContain('doit être &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<code>ext&lt;b&gt;.json</code>');
    expect(html).toContain('(ligne 3, colonne 5)');
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>');
    expect(html).toContain('<olva-survey src="#olva-questionnaire" preview');
    expect(html).toContain('La compilation n° 2 a échoué');
  });
});

describe('the terminal\'s line after a build (olva preview)', () => {
  it('says a failed first build has no earlier version on show, and a later one keeps it', () => {
    const failed = { number: 1, ok: false, problems: [] as CompilerProblem[], good: null };
    expect(builtLine(failed).fr).toBe('✗ compilation n° 1 : 0 erreur, 0 avertissement ; aucune compilation n’a encore réussi : corrigez et enregistrez');
    expect(builtLine(failed).en).toBe('✗ build 1: 0 errors, 0 warnings; no build has succeeded yet: fix and save');
    const good = { compiled: mixed(), files: { 'paper.html': '', 'codebook.md': '', 'codebook.csv': '' } };
    expect(builtLine({ ...failed, number: 2, good }).fr).toContain('la dernière version valide reste affichée');
  });
});

describe('the preview server', () => {
  const embedJs = fileURLToPath(new URL('../../../embed/dist/olva.js', import.meta.url));
  let dir: string;
  let file: string;
  let preview: Preview;
  const extension = (type: string) => JSON.stringify({
    id: 'essai-serveur', version: '1.0.0', extends: { id: 'olva-core', version: '^2026.1.0' }, namespace: 'essai',
    territory: { level: 'commune', code: '35238', name: 'Rennes' }, title: { fr: 'Essai', en: 'Trial' },
    sections: [{ id: 'essai.s', title: { fr: 'S', en: 'S' }, items: [{ id: 'essai.q', type, label: { fr: 'Q ?', en: 'Q?' } }] }],
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'olva-preview-'));
    file = join(dir, 'ext.json');
    writeFileSync(file, extension('boolean'));
    preview = await startPreview({ core: fileURLToPath(new URL('../../../core-questionnaire/olva-core.json', import.meta.url)), extension: file, port: 0, lang: 'en', embedJs, debounceMs: 50 });
  }, 60_000);
  afterAll(async () => {
    await preview?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the pages under a strict policy, announces every build, and shows a failed one', async () => {
    const page = await fetch(preview.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("require-trusted-types-for 'script'");
    expect(await page.text()).toContain('Build 1 succeeded.');
    expect((await fetch(new URL('/paper.html', preview.url))).headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(await (await fetch(new URL('/codebook.csv', preview.url))).text()).toContain('essai.q');
    expect((await fetch(new URL('/nowhere', preview.url))).status).toBe(404);

    const events = await fetch(new URL('/events', preview.url));
    const reader = events.body!.getReader();
    let seen = '';
    const next = async (data: string) => {
      while (!seen.includes(`event: build\ndata: ${data}\n\n`)) seen += new TextDecoder().decode((await reader.read()).value);
    };
    await next('1');
    writeFileSync(file, extension('no-such-type'));
    await next('2');
    await reader.cancel();
    const failed = await (await fetch(preview.url)).text();
    expect(failed).toContain('Build 2 failed: the last valid version stays on show.');
    expect(failed).toContain('<code>/sections/0/items/0');
    // The last good build stays served.
    expect(failed).toContain('<olva-survey src="#olva-questionnaire"');
  }, 60_000);
});
