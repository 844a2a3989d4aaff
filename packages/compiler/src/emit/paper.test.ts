import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.js';
import { columnsFit, emitPaper } from './paper.js';
import { jumpsAfter } from './routing.js';
import { loadFixture } from './__fixtures__/rennes.js';
import { nonEmpty } from '@olva/test-support/compiled';

describe('escapeHtml', () => {
  it('escapes markup, quotes and ampersands', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml("l'eau & le feu")).toBe('l&#39;eau &amp; le feu');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('paper.html', () => {
  const html = emitPaper(loadFixture());

  it('is a French A4 document without scripts, under a strict CSP', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/break-before: page/);
    expect(html).toMatch(/break-inside: avoid/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('escapes definition text', () => {
    expect(html).toContain('Commentaire &quot;libre&quot; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Un seul choix &lt;b&gt;svp&lt;/b&gt; &amp; merci');
  });

  it('shows numbers, variable codes and choice codes', () => {
    expect(html).toContain('<span class="qnum">5.</span>Nombre de salariés');
    expect(html).toContain('[nb_salaries]');
    expect(html).toContain('[rennes.locaux_quartier]');
    expect(html).toContain('Sport<span class="code">[sport]</span>');
    // A matrix row shows its row code; the export column's pattern is written once.
    expect(html).toContain('<span class="code">difficultes__</span>code de la ligne');
    expect(html).toMatch(/<th scope="row">[^<]*<span class="code">\[locaux\]<\/span><\/th>/);
    expect(html).toContain('[secteur_other]');
  });

  it('writes the added choice "other" last, with the line of its text, once', () => {
    expect(html).toContain('Social, solidarité<span class="code">[social]</span></li><li><span class="circle" aria-hidden="true"></span>Autre (précisez)<span class="code">[other]</span> — Autre secteur, précisez : <span class="other-line"></span><span class="code">[secteur_other]</span></li></ul>');
    expect(html.split('[secteur_other]')).toHaveLength(2);
    expect(html).toContain('Autre (précisez)<span class="code">[other]</span> — Autre activité : <span class="other-line"></span><span class="code">[activites_other]</span>');
  });

  it('writes the routing out', () => {
    expect(html).toContain('Répondez si Q4 employeur = Oui.');
    expect(html).toContain('→ Si « Non », passez à la question 6.');
    expect(html).toContain('→ Si « Non », passez à la fin du questionnaire.');
  });
});

describe('matrices on paper', () => {
  it('heads the columns with their labels when they fit, with numbers and a legend when not', () => {
    expect(columnsFit(['Oui', 'Non', 'Ne sait pas'])).toBe(true);
    expect(columnsFit(['Pas du tout', 'Un peu', 'Beaucoup', 'Énormément'])).toBe(true);
    expect(columnsFit(['Insatisfaisant', 'Satisfaisant', 'Très satisfaisant', 'Ne sait pas', 'Sans objet'])).toBe(false);
    expect(columnsFit(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])).toBe(true);
  });

  it('numbers the columns under a legend that keeps their codes', () => {
    const compiled = loadFixture();
    const matrix = compiled.sections.flatMap((s) => s.questions).find((q) => q.type === 'matrix')!;
    if (matrix.type !== 'matrix') throw new Error('the fixture has a matrix');
    matrix.choices = nonEmpty(['Pas du tout satisfaisant', 'Plutôt satisfaisant', 'Ni satisfaisant ni insatisfaisant', 'Tout à fait satisfaisant', 'Sans objet']
      .map((label, i) => ({ code: `niveau_${i + 1}`, label: { fr: label } })));
    const paper = emitPaper(compiled);
    expect(paper).toContain('<ol class="legend"><li>Pas du tout satisfaisant<span class="code">[niveau_1]</span></li>');
    expect(paper).toContain('<th scope="col"><abbr title="Sans objet">5</abbr></th>');
  });

  it('writes a matrix of more than 12 columns row by row, with numbered circles', () => {
    const compiled = loadFixture();
    const matrix = compiled.sections.flatMap((s) => s.questions).find((q) => q.type === 'matrix')!;
    if (matrix.type !== 'matrix') throw new Error('the fixture has a matrix');
    matrix.choices = nonEmpty(Array.from({ length: 13 }, (_, i) => ({ code: `n${i + 1}`, label: { fr: `Niveau ${i + 1}` } })));
    const paper = emitPaper(compiled);
    expect(paper).toContain('<div class="matrix-stacked"><div class="mrow"><p>');
    expect(paper).toContain('<span class="mchoice"><span class="circle" aria-hidden="true"></span>13</span></p></div>');
    expect(paper).toContain('<li>Niveau 13<span class="code">[n13]</span></li>');
  });
});

describe('jumpsAfter', () => {
  it('jumps over every following question hidden by the answer', () => {
    const compiled = loadFixture();
    const employeur = compiled.sections[0].questions[3];
    expect(jumpsAfter(employeur, compiled).map((j) => [j.answers.map((a) => a.code), j.to?.number])).toEqual([[['0'], 6]]);
  });

  it('writes nothing when no answer skips a question', () => {
    const compiled = loadFixture();
    expect(jumpsAfter(compiled.sections[0].questions[0], compiled)).toEqual([]);
  });
});
