import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QuestionnaireDefinition } from '@olva/schema';
import { assemble } from '@olva/compiler';
import { ResponseSession } from '@olva/runtime';
import { PageFlow } from './page-flow.js';

const core = JSON.parse(readFileSync(
  fileURLToPath(new URL('../../../core-questionnaire/olva-core.json', import.meta.url)), 'utf8',
)) as QuestionnaireDefinition;

/** A flow on the core questionnaire (profil, membres, ressources, besoins). */
function flow(paper: 'no' | 'all' | 'sections' = 'no') {
  const session = new ResponseSession(assemble(core, null), { locale: 'fr', channel: paper === 'no' ? 'web' : 'paper' });
  const pages = new PageFlow(session, { allOnOnePage: () => paper === 'all', paper: () => paper !== 'no', locale: () => 'fr' });
  return { session, pages };
}

function fillProfil(session: ResponseSession): void {
  session.setAnswer('secteur_principal', 'sport');
  session.setAnswer('annee_creation', 2000);
  session.setAnswer('echelle_action', 'commune');
  session.setAnswer('commune_siege', '35238');
  session.setAnswer('affiliation_federation', false);
}

describe('PageFlow', () => {
  it('starts on the first section, without previous, not last', () => {
    const { pages } = flow();
    expect(pages.step).toBe('form');
    expect(pages.pageName()).toBe('profil');
    expect(pages.sections().map((s) => s.id)).toEqual(['profil', 'membres', 'ressources', 'besoins']);
    expect(pages.hasPrevious()).toBe(false);
    expect(pages.isLast()).toBe(false);
  });

  it('stops on errors, shows the page\'s problems from then on, and moves on once the page holds', () => {
    const { session, pages } = flow();
    expect(pages.attempted.size).toBe(0);
    const stopped = pages.check(false);
    expect(stopped).toMatchObject({ kind: 'errors', first: 'secteur_principal' });
    expect(stopped.kind === 'errors' && stopped.count).toBeGreaterThanOrEqual(5);
    expect([...pages.attempted]).toEqual(['profil']);
    fillProfil(session);
    expect(pages.check(false)).toEqual({ kind: 'pass' });
    expect(pages.next()).toEqual({ kind: 'page', page: 1 });
    expect(pages.moveTo(1)).toEqual({ from: 'profil', to: 'membres' });
    expect(pages.hasPrevious()).toBe(true);
  });

  it('stops once on a warning, until it is confirmed', () => {
    const { session, pages } = flow();
    fillProfil(session);
    pages.moveTo(1);
    session.setAnswer('nb_adherents', 3);
    session.setAnswer('nb_benevoles_reguliers', 2);
    session.setAnswer('nb_dirigeants', 9);
    session.setAnswer('employeur', false);
    expect(pages.check(false)).toEqual({ kind: 'warnings', count: 1 });
    expect(pages.warningsShown).toBe(true);
    expect(pages.check(false)).toEqual({ kind: 'warnings', count: 1 });
    pages.answered();
    expect(pages.warningsShown).toBe(false);
    expect(pages.check(true)).toEqual({ kind: 'pass' });
    expect([...pages.confirmed]).toEqual(['dirigeants_sup_adherents']);
    expect(pages.check(false)).toEqual({ kind: 'pass' });
    // Moving on forgets that the warnings were on screen.
    pages.warningsShown = true;
    pages.moveTo(2);
    expect(pages.warningsShown).toBe(false);
  });

  it('leads from the last page to the review, and from the review to a page and straight back', () => {
    const { pages } = flow();
    pages.moveTo(3);
    expect(pages.isLast()).toBe(true);
    expect(pages.next()).toEqual({ kind: 'review' });
    expect(pages.moveTo('review')).toEqual({ from: 'besoins', to: 'review' });
    expect(pages.step).toBe('review');
    expect(pages.edit(1)).toEqual({ from: 'review', to: 'membres' });
    expect(pages.editingFromReview).toBe(true);
    // Another page of the form keeps the way back; the review itself ends it.
    pages.moveTo(2);
    expect(pages.editingFromReview).toBe(true);
    expect(pages.moveTo('review')).toEqual({ from: 'ressources', to: 'review' });
    expect(pages.editingFromReview).toBe(false);
    pages.finish();
    expect(pages.pageName()).toBe('receipt');
    pages.reset();
    expect([pages.step, pages.page, pages.pageName()]).toEqual(['form', 0, 'profil']);
  });

  it('finds steps by name, as the history and drafts give them', () => {
    const { pages } = flow();
    expect(pages.targetOf('review')).toBe('review');
    expect(pages.targetOf('ressources')).toBe(2);
    expect(pages.targetOf('nowhere')).toBeUndefined();
    expect(pages.pageOf('besoins')).toBe(3);
    expect(pages.pageOf(undefined)).toBe(0);
  });

  it('paper entry: every section on one page that saves, or one section a page with saving at the end', () => {
    const all = flow('all').pages;
    expect(all.pageSections().map((s) => s.id)).toEqual(['profil', 'membres', 'ressources', 'besoins']);
    expect(all.isLast()).toBe(true);
    expect(all.hasPrevious()).toBe(false);
    expect(all.next()).toEqual({ kind: 'send' });
    const sections = flow('sections').pages;
    expect(sections.pageSections().map((s) => s.id)).toEqual(['profil']);
    expect(sections.next()).toEqual({ kind: 'page', page: 1 });
    sections.moveTo(3);
    expect(sections.next()).toEqual({ kind: 'send' });
  });

  it('before sending, points at the first page at fault and shows every page\'s problems', () => {
    const { session, pages } = flow();
    fillProfil(session);
    expect(pages.firstFaultyPage()).toBe(1);
    expect([...pages.attempted]).toEqual(['profil', 'membres', 'ressources', 'besoins']);
  });
});

describe('PageFlow in preview', () => {
  it('never stops on errors, but shows the page\'s problems', () => {
    const session = new ResponseSession(assemble(core, null), { locale: 'fr', channel: 'web' });
    const pages = new PageFlow(session, { allOnOnePage: () => false, paper: () => false, locale: () => 'fr', preview: () => true });
    expect(pages.check(false)).toEqual({ kind: 'pass' });
    expect([...pages.attempted]).toEqual(['profil']);
    expect(pages.problems(pages.pageSections()).errorItems.length).toBeGreaterThanOrEqual(5);
    expect(pages.next()).toEqual({ kind: 'page', page: 1 });
  });
});
