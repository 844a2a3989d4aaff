import { describe, expect, it } from 'vitest';
import type { Crosswalk, QuestionnaireDefinition } from '@olva/schema';
import { declaredBump, diffQuestionnaires, nextVersion } from './index.js';

function base(): QuestionnaireDefinition {
  return {
    id: 'olva-core',
    version: '2026.1.0',
    title: { fr: 'Observation locale', en: 'Local observation' },
    sections: [
      {
        id: 'profil',
        title: { fr: 'Profil' },
        items: [
          { id: 'secteur', type: 'single', label: { fr: 'Secteur' }, required: true,
            choices: [{ code: 'sport', label: { fr: 'Sport' } }, { code: 'culture', label: { fr: 'Culture' } }] },
          { id: 'activites', type: 'multiple', label: { fr: 'Activités' }, maxSelected: 3, exclusive: ['aucun'],
            choices: [{ code: 'formation', label: { fr: 'Formation' } }, { code: 'aucun', label: { fr: 'Aucune' } }],
            other: { label: { fr: 'Autre' } } },
          { id: 'employeur', type: 'boolean', label: { fr: 'Employeur ?' } },
          { id: 'nb_salaries', type: 'integer', label: { fr: 'Salariés' }, min: 1, max: 1000,
            visibleWhen: { '==': [{ var: 'employeur' }, true] } },
          { extensionPoint: 'profil.fin' },
        ],
      },
      {
        id: 'besoins',
        title: { fr: 'Besoins' },
        items: [
          { id: 'nom', type: 'text', label: { fr: 'Nom' }, maxLength: 100 },
          { id: 'satisfaction', type: 'scale', label: { fr: 'Satisfaction' },
            choices: [{ code: 'peu', label: { fr: 'Peu' } }, { code: 'beaucoup', label: { fr: 'Beaucoup' } }] },
          { id: 'difficultes', type: 'matrix', label: { fr: 'Difficultés' },
            rows: [{ code: 'locaux', label: { fr: 'Locaux' } }], choices: [{ code: 'oui', label: { fr: 'Oui' } }] },
        ],
      },
    ],
    checks: [
      { id: 'trop', when: { '>': [{ var: 'nb_salaries' }, 500] }, level: 'warning', message: { fr: 'Beaucoup' }, questions: ['nb_salaries'] },
    ],
  };
}

type Def = QuestionnaireDefinition & { sections: { items: any[] }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A changed copy of the base definition with the given version. */
function changed(version: string, edit: (d: Def) => void): QuestionnaireDefinition {
  const d = structuredClone(base()) as Def;
  d.version = version;
  edit(d);
  return d;
}

function rules(next: QuestionnaireDefinition) {
  return diffQuestionnaires(base(), next).changes.map((c) => [c.rule, c.kind]);
}

const q = (d: Def, s: number, i: number) => d.sections[s].items[i];

describe('diffQuestionnaires', () => {
  it('finds nothing between identical definitions', () => {
    expect(diffQuestionnaires(base(), base())).toEqual({
      changes: [], required: 'none', declared: 'none', ok: true, next: '2026.1.0', questions: [], problems: [],
    });
  });

  it('does not mutate its inputs', () => {
    const a = base();
    const b = changed('2027.0.0', (d) => d.sections[0].items.splice(0, 1));
    const [ja, jb] = [JSON.stringify(a), JSON.stringify(b)];
    diffQuestionnaires(a, b);
    expect([JSON.stringify(a), JSON.stringify(b)]).toEqual([ja, jb]);
  });

  it.each<[string, (d: Def) => void, [string, string][]]>([
    ['wording-changed (label)', (d) => { q(d, 0, 0).label = { fr: 'Secteur principal' }; }, [['wording-changed', 'patch']]],
    ['wording-changed (choice, help, section, check)', (d) => {
      q(d, 0, 0).choices[0].label = { fr: 'Sports' };
      q(d, 0, 0).help = { fr: 'Un seul' };
      d.sections[1].title = { fr: 'Vos besoins' };
      d.checks![0].message = { fr: 'Vraiment beaucoup' };
    }, [['wording-changed', 'patch'], ['wording-changed', 'patch'], ['wording-changed', 'patch'], ['wording-changed', 'patch']]],
    ['question-added', (d) => { d.sections[1].items.push({ id: 'site', type: 'text', label: { fr: 'Site' } }); }, [['question-added', 'minor']]],
    ['question-removed', (d) => { d.sections[1].items.splice(0, 1); }, [['question-removed', 'major']]],
    ['type-changed', (d) => { q(d, 0, 2).type = 'single'; q(d, 0, 2).choices = [{ code: 'oui', label: { fr: 'Oui' } }]; }, [['type-changed', 'major']]],
    ['type-changed text → textarea', (d) => { q(d, 1, 0).type = 'textarea'; }, [['type-changed', 'minor']]],
    ['choice-added at the end', (d) => { q(d, 0, 0).choices.push({ code: 'social', label: { fr: 'Social' } }); }, [['choice-added', 'minor']]],
    ['choice-inserted', (d) => { q(d, 0, 0).choices.unshift({ code: 'social', label: { fr: 'Social' } }); }, [['choice-inserted', 'major']]],
    ['choice-removed', (d) => { q(d, 0, 0).choices.pop(); }, [['choice-removed', 'major']]],
    ['choice-reordered', (d) => { q(d, 0, 0).choices.reverse(); }, [['choice-reordered', 'major']]],
    ['choice recoded', (d) => { q(d, 0, 0).choices[1].code = 'arts'; }, [['choice-removed', 'major'], ['choice-added', 'minor']]],
    ['row-added', (d) => { q(d, 1, 2).rows.push({ code: 'argent', label: { fr: 'Argent' } }); }, [['row-added', 'minor']]],
    ['row-removed', (d) => { q(d, 1, 2).rows = [{ code: 'argent', label: { fr: 'Argent' } }]; }, [['row-removed', 'major'], ['row-added', 'minor']]],
    ['row-inserted', (d) => { q(d, 1, 2).rows.unshift({ code: 'argent', label: { fr: 'Argent' } }); }, [['row-inserted', 'major']]],
    ['scale-changed', (d) => { q(d, 1, 1).choices.push({ code: 'enorme', label: { fr: 'Énormément' } }); }, [['scale-changed', 'major']]],
    ['bound-narrowed', (d) => { q(d, 0, 3).max = 500; }, [['bound-narrowed', 'major']]],
    ['bound-narrowed (new bound)', (d) => { q(d, 0, 1).minSelected = 1; }, [['bound-narrowed', 'major']]],
    ['bound-widened', (d) => { q(d, 0, 3).min = 0; delete q(d, 1, 0).maxLength; }, [['bound-widened', 'minor'], ['bound-widened', 'minor']]],
    ['pattern-changed', (d) => { q(d, 1, 0).pattern = '^[A-Z]'; }, [['pattern-changed', 'major']]],
    ['exclusive-added', (d) => { q(d, 0, 1).exclusive = ['aucun', 'formation']; }, [['exclusive-added', 'major']]],
    ['exclusive-removed', (d) => { delete q(d, 0, 1).exclusive; }, [['exclusive-removed', 'minor']]],
    ['other-added', (d) => { q(d, 0, 0).other = { label: { fr: 'Autre' } }; }, [['other-added', 'minor']]],
    ['other-removed', (d) => { delete q(d, 0, 1).other; }, [['other-removed', 'major']]],
    ['condition-changed', (d) => { q(d, 0, 3).visibleWhen = { '!=': [{ var: 'employeur' }, false] }; }, [['condition-changed', 'major']]],
    ['required-changed', (d) => { q(d, 0, 0).required = false; }, [['required-changed', 'major']]],
    ['section-added', (d) => { d.sections.push({ id: 'fin', title: { fr: 'Fin' }, items: [{ extensionPoint: 'fin.x' }] } as never); },
      [['section-added', 'minor'], ['extension-point-added', 'minor']]],
    ['section-removed', (d) => { d.sections.splice(1, 1); }, [['question-removed', 'major'], ['question-removed', 'major'], ['question-removed', 'major'], ['section-removed', 'major']]],
    ['section-reordered', (d) => { d.sections.reverse(); }, [['section-reordered', 'minor']]],
    ['extension-point-added', (d) => { d.sections[1].items.push({ extensionPoint: 'besoins.fin' }); }, [['extension-point-added', 'minor']]],
    ['extension-point-removed', (d) => { d.sections[0].items.pop(); }, [['extension-point-removed', 'major']]],
    ['extension-point-moved', (d) => { d.sections[0].items.pop(); d.sections[1].items.push({ extensionPoint: 'profil.fin' }); }, [['extension-point-moved', 'minor']]],
    ['question-moved', (d) => { const [x] = d.sections[0].items.splice(2, 1); d.sections[1].items.push(x); }, [['question-moved', 'minor']]],
    ['question-reordered', (d) => { d.sections[1].items.reverse(); }, [['question-reordered', 'minor']]],
    ['check-added', (d) => { d.checks!.push({ id: 'x', when: { '<': [{ var: 'nb_salaries' }, 0] }, level: 'error', message: { fr: 'x' }, questions: ['nb_salaries'] }); }, [['check-added', 'minor']]],
    ['check-removed', (d) => { d.checks = []; }, [['check-removed', 'minor']]],
    ['check-changed', (d) => { d.checks![0].level = 'error'; }, [['check-changed', 'minor']]],
    ['questionnaire-id-changed', (d) => { d.id = 'autre'; }, [['questionnaire-id-changed', 'major']]],
  ])('classifies %s', (_name, edit, expected) => {
    expect(rules(changed('2026.1.0', edit))).toEqual(expected);
  });

  it('classifies row-reordered', () => {
    const before = changed('2026.1.0', (d) => { q(d, 1, 2).rows.push({ code: 'argent', label: { fr: 'Argent' } }); });
    const after = changed('2027.0.0', (d) => { q(d, 1, 2).rows.unshift({ code: 'argent', label: { fr: 'Argent' } }); });
    expect(diffQuestionnaires(before, after).changes.map((c) => [c.rule, c.kind])).toEqual([['row-reordered', 'major']]);
  });

  it('accepts a big enough bump and refuses a small one', () => {
    const addChoice = (d: Def) => { q(d, 0, 0).choices.push({ code: 'social', label: { fr: 'Social' } }); };
    expect(diffQuestionnaires(base(), changed('2026.2.0', addChoice))).toMatchObject({ required: 'minor', declared: 'minor', ok: true });
    expect(diffQuestionnaires(base(), changed('2027.0.0', addChoice))).toMatchObject({ declared: 'major', ok: true });
    expect(diffQuestionnaires(base(), changed('2026.1.1', addChoice))).toMatchObject({ required: 'minor', declared: 'patch', ok: false });
    const removeChoice = (d: Def) => { q(d, 0, 0).choices.pop(); };
    expect(diffQuestionnaires(base(), changed('2026.2.0', removeChoice))).toMatchObject({ required: 'major', ok: false });
    expect(diffQuestionnaires(base(), changed('2026.1.0', (d) => { q(d, 0, 0).label = { fr: 'X' }; }))).toMatchObject({ declared: 'none', ok: false });
  });

  it('reads declared bumps from semver', () => {
    expect(declaredBump('2026.1.0', '2026.1.1')).toBe('patch');
    expect(declaredBump('2026.1.0', '2026.2.0')).toBe('minor');
    expect(declaredBump('2026.1.0', '2027.0.0')).toBe('major');
    expect(declaredBump('2026.1.0', '2026.1.0')).toBe('none');
    expect(declaredBump('2026.1.0', '2025.9.0')).toBe('invalid');
    expect(declaredBump('2026.1.0', 'v-next')).toBe('invalid');
    expect(diffQuestionnaires(base(), changed('2025.0.0', () => {})).ok).toBe(false);
  });
});

describe('crosswalks in the diff', () => {
  /** 2027: "sport" split into "sport_competition" and "sport_loisir", declared in the crosswalk. */
  const split = (d: Def) => {
    q(d, 0, 0).choices = [{ code: 'sport_competition', label: { fr: 'Sport de compétition' } },
      { code: 'sport_loisir', label: { fr: 'Sport de loisir' } }, { code: 'culture', label: { fr: 'Culture' } }];
  };
  const walk: Crosswalk = { from: '2026.1.0', questions: [{ question: 'secteur', from: 'secteur', codes: { sport: ['sport_competition', 'sport_loisir'] } }] };

  it('refuses a MAJOR change to a question without a crosswalk entry, and names it', () => {
    const result = diffQuestionnaires(base(), changed('2027.0.0', split), { old: 'a.json', new: 'b.json' });
    expect(result.required).toBe('major');
    expect(result.declared).toBe('major');
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.file, p.rule, p.pointer])).toEqual([['b.json', 'crosswalk/missing', '/sections/0/items/0/choices']]);
    expect(result.problems[0]!.fr!.message).toContain('« secteur »');
  });

  it('accepts the split once declared and names it a split', () => {
    const result = diffQuestionnaires(base(), changed('2027.0.0', (d) => { split(d); d.crosswalk = walk; }));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.next).toBe('2027.0.0');
    expect(result.questions).toEqual([{ question: 'secteur', kind: 'major', changes: [{ what: 'split', from: 'sport', to: ['sport_competition', 'sport_loisir'] }] }]);
    // The split's new codes sit where the maintainer put them: no advice to add them at the end.
    const inserted = result.changes.filter((c) => c.rule === 'choice-inserted');
    expect(inserted.map((c) => c.fr.message)).toEqual([
      expect.stringMatching(/« sport_competition ».*\(déclaré dans la table de passage\)$/),
      expect.stringMatching(/« sport_loisir ».*\(déclaré dans la table de passage\)$/),
    ]);
  });

  it('names merges, recodes, added and removed codes and rewording', () => {
    const result = diffQuestionnaires(base(), changed('2027.0.0', (d) => {
      q(d, 0, 1).choices = [{ code: 'formation_aucun', label: { fr: 'Formation ou aucune' } }, { code: 'conseil', label: { fr: 'Conseil' } }];
      q(d, 0, 1).exclusive = [];
      q(d, 1, 0).label = { fr: 'Nom complet' };
      q(d, 0, 0).choices = [{ code: 'sports', label: { fr: 'Sport' } }, { code: 'culture', label: { fr: 'Culture' } }];
      d.crosswalk = { from: '2026.1.0', questions: [
        { question: 'activites', from: 'activites', codes: { formation: ['formation_aucun'], aucun: ['formation_aucun'] } },
        { question: 'secteur', from: 'secteur', codes: { sport: ['sports'] } },
      ] };
    }));
    const byId = Object.fromEntries(result.questions.map((v) => [v.question, v.changes]));
    expect(byId.activites).toEqual(expect.arrayContaining([{ what: 'merged', from: ['formation', 'aucun'], to: 'formation_aucun' }, { what: 'code-added', code: 'conseil' }]));
    expect(byId.secteur).toEqual([{ what: 'recoded', from: 'sport', to: 'sports' }]);
    expect(byId.nom).toEqual([{ what: 'reworded' }]);
    expect(result.ok).toBe(true);
  });

  it('compares a renamed question with what it was, and checks the entries against both versions', () => {
    const renamed = diffQuestionnaires(base(), changed('2027.0.0', (d) => {
      q(d, 0, 2).id = 'est_employeur';
      q(d, 0, 3).visibleWhen = { '==': [{ var: 'est_employeur' }, true] };
      d.crosswalk = { from: '2026.1.0', questions: [{ question: 'est_employeur', from: 'employeur' }] };
    }));
    expect(renamed.changes.map((c) => c.rule)).toEqual(['question-renamed']);
    expect(renamed.questions).toEqual([{ question: 'est_employeur', kind: 'major', changes: [{ what: 'renamed', from: 'employeur' }] }]);
    expect(renamed.ok).toBe(true);

    const wrong = diffQuestionnaires(base(), changed('2027.0.0', (d) => {
      split(d);
      d.crosswalk = { from: '2026.0.0', questions: [
        { question: 'secteur', from: 'secteur', codes: { sprot: ['sport_competition', 'velo'] } },
        { question: 'inconnue', notComparable: { fr: 'x' } },
        { question: 'nb_salaries', from: 'salaries' },
      ] };
    }));
    expect(wrong.problems.map((p) => [p.rule, p.pointer, p.severity])).toEqual([
      ['crosswalk/from-version', '/crosswalk/from', 'warning'],
      ['crosswalk/unknown-code', '/crosswalk/questions/0/codes/sprot', 'error'],
      ['crosswalk/unknown-code', '/crosswalk/questions/0/codes/sprot/1', 'error'],
      ['crosswalk/unmapped-code', '/crosswalk/questions/0/codes', 'error'],
      ['crosswalk/unknown-question', '/crosswalk/questions/1/question', 'error'],
      ['crosswalk/unknown-source', '/crosswalk/questions/2/from', 'error'],
    ]);
    expect(wrong.ok).toBe(false);
  });

  it('declares a question not comparable, which covers its MAJOR change', () => {
    const result = diffQuestionnaires(base(), changed('2027.0.0', (d) => {
      q(d, 0, 3).min = 5;
      d.crosswalk = { from: '2026.1.0', questions: [{ question: 'nb_salaries', notComparable: { fr: 'Seuil relevé', en: 'Threshold raised' } }] };
    }));
    expect(result.ok).toBe(true);
    expect(result.questions[0]!.changes).toEqual([
      { what: 'not-comparable', reason: { fr: 'Seuil relevé', en: 'Threshold raised' } }, { what: 'changed', rules: ['bound-narrowed'] },
    ]);
  });

  it('reports a unit added or changed as rewording', () => {
    const result = diffQuestionnaires(base(), changed('2026.1.1', (d) => { q(d, 0, 3).unit = { fr: 'salariés', en: 'employees' }; }));
    expect(result.changes.map((c) => [c.rule, c.pointer])).toEqual([['wording-changed', '/sections/0/items/3/unit']]);
    expect(result.ok).toBe(true);
  });

  it('classifies marking or unmarking a question as personal data as PATCH (personal-changed)', () => {
    const marked = changed('2026.1.1', (d) => { q(d, 1, 0).personal = true; });
    const result = diffQuestionnaires(base(), marked);
    expect(result.changes.map((c) => [c.rule, c.kind, c.pointer])).toEqual([['personal-changed', 'patch', '/sections/1/items/0/personal']]);
    expect(result).toMatchObject({ required: 'patch', ok: true });
    expect(result.changes[0]!.fr.message).toContain('donnée personnelle');
    expect(diffQuestionnaires(marked, changed('2026.1.2', () => {})).changes.map((c) => c.rule)).toEqual(['personal-changed']);
    expect(diffQuestionnaires(marked, changed('2026.1.2', (d) => { q(d, 1, 0).personal = true; })).changes).toEqual([]);
  });

  it('suggests the next version', () => {
    expect(nextVersion('2026.2.0', 'major')).toBe('2027.0.0');
    expect(nextVersion('2026.2.0', 'minor')).toBe('2026.3.0');
    expect(nextVersion('1.0.0', 'patch')).toBe('1.0.1');
    expect(nextVersion('x', 'patch')).toBeNull();
  });

  it('writes every change in French too', () => {
    const result = diffQuestionnaires(base(), changed('2027.0.0', (d) => { split(d); d.sections.pop(); }));
    expect(result.changes.length).toBeGreaterThan(3);
    for (const c of result.changes) expect(c.fr.message).toMatch(/« |l’|les |la |le /);
  });
});
