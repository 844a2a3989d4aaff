/**
 * A keyboard-only run through the whole common core with the Rennes extension, in real
 * Chromium, from the built embed and the built questionnaire: every visible question answered
 * with Tab, Space, Enter, arrow keys and typing (no click), through the review page, sent to a
 * real HTTP endpoint on loopback that validates the payload against the payload schema built
 * for olva-core+rennes-2026; then the same run sent across origins to the real collector
 * (@olva/collector, SQLite in memory, serving the same build), which must store it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { CompiledQuestionnaire } from '@olva/schema';
import { ResponseSession, checkResponse } from '@olva/runtime';
import { createCollector, resolveConfig } from '@olva/collector';
import { launchChromium } from '@olva/test-support/chromium';
import { addSurveyPage, openSurvey, QUESTIONNAIRES, recordedEvents, requireBuild, startOlvaSite, waitForEvent, type OlvaSite } from '@olva/test-support/olva-site';
import { fillSurveyByKeyboard, sendFromReview } from '@olva/test-support/keyboard';

const BUILD_ID = 'olva-core+rennes-2026';

let browser: Browser;
let site: OlvaSite;
let compiled: CompiledQuestionnaire;

beforeAll(async () => {
  requireBuild();
  compiled = JSON.parse(readFileSync(join(QUESTIONNAIRES, BUILD_ID, 'questionnaire.json'), 'utf8')) as CompiledQuestionnaire;
  browser = await launchChromium();
  site = await startOlvaSite({ payloadSchemaOf: BUILD_ID });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * Answers chosen to show as many conditional questions as possible and to trip no coherence
 * check (the others get the defaults of @olva/test-support/keyboard).
 */
const PLAN: Record<string, unknown> = {
  numero_rna: 'W351234567',
  affiliation_federation: true,
  secteurs_secondaires: ['culture'],
  annee_creation: 1998,
  nb_adherents: 40,
  nb_benevoles_reguliers: 12,
  nb_benevoles_occasionnels: 5,
  nb_dirigeants: 6,
  nb_dirigeantes_femmes: 3,
  employeur: true,
  nb_salaries: 3,
  etp: 2.5,
  budget_annuel: 'de_10000_a_50000',
  sources_revenus: ['cotisations', 'subventions_publiques'],
  part_financement_public: 30,
  locaux: 'location',
  recevoir_resultats: true,
  'rennes.salles_municipales': true,
};

it('answers the whole core + Rennes survey with the keyboard only and delivers a valid payload', async () => {
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const url = addSurveyPage(site, '/core-keyboard.html', {
    attributes: {
      src: `/questionnaires/${BUILD_ID}/questionnaire.json`, endpoint: '/v1/responses',
      territory: 'commune:35238', wave: '2026', source: 'e2e-clavier', lang: 'fr', channel: 'web',
    },
  });
  await openSurvey(page, url);
  const run = await fillSurveyByKeyboard(page, compiled, PLAN);
  expect(run.pages.at(-1)).toBe('review');
  // Every section was a page, in order.
  expect(run.pages.slice(0, -1)).toEqual(compiled.sections.map((s) => s.id));

  await sendFromReview(page);
  const [stored] = await site.endpoint.waitForStored(1, 20_000);
  const submitted = await waitForEvent(page, 'olva-submitted');
  const payload = stored!.payload as Record<string, any>;

  // The endpoint validated it against the generic and the built payload schemas (201).
  expect(site.endpoint.requests.map((r) => [r.status, r.problems])).toEqual([[201, []]]);
  expect(submitted.receipt.submissionId).toBe(payload.submissionId);
  expect(payload.questionnaire).toEqual(compiled.questionnaire);
  expect(payload.extension).toEqual({ id: compiled.extension!.id, version: compiled.extension!.version });
  expect(payload.extension.id).toBe('rennes-2026');
  expect(payload.territory).toEqual({ level: 'commune', code: '35238' });
  expect(payload.wave).toBe('2026');
  expect(payload.channel).toBe('web');
  expect(payload.source).toBe('e2e-clavier');
  expect(payload.locale).toBe('fr');

  // Every question the run answered is in the payload, and nothing else.
  expect(Object.keys(payload.answers).sort()).toEqual([...run.answered].sort());
  for (const [id, value] of Object.entries(PLAN)) expect(payload.answers[id], id).toEqual(value);
  // The extension's questions were reached, and questions shown by conditions too.
  for (const id of ['rennes.quartier_principal', 'rennes.satisfaction_reservation', 'rennes.connaissance_mda', 'nb_salaries', 'federation_nom', 'financeurs_publics', 'email_contact']) {
    expect(payload.answers, id).toHaveProperty([id]);
  }
  // Every question visible with these answers was answered, and the collector's own
  // consistency check (shared with the browser) finds nothing to refuse.
  const session = new ResponseSession(compiled, { locale: 'fr', answers: payload.answers });
  const visible = compiled.sections.flatMap((s) => session.visibleQuestions(s.id)).map((q) => q.id);
  expect(visible.length).toBeGreaterThan(40);
  expect(visible.filter((id) => !(id in payload.answers))).toEqual([]);
  expect(checkResponse(compiled, payload.answers)).toEqual([]);

  const events = await recordedEvents(page);
  expect(events.filter((e) => e.type === 'olva-submit')).toHaveLength(1);
  expect(events.some((e) => e.type === 'olva-error')).toBe(false);
  expect(pageErrors).toEqual([]);
  await page.close();
});

it('the real collector accepts and stores the response of a keyboard-only run (cross-origin)', async () => {
  const { config } = resolveConfig({
    server: { host: '127.0.0.1', port: 0, logLevel: 'warn' },
    database: { url: 'sqlite::memory:' },
    questionnaires: [{ build: BUILD_ID }],
    origins: [{ origin: site.origin, territories: [{ level: 'commune', code: '35238' }] }],
    tokens: [{ name: 'rnma', token: 'e2e-national-token-0123456789', scope: { territories: 'all', rights: ['read'] } }],
  }, { file: join(QUESTIONNAIRES, 'olva.config.json'), baseDir: QUESTIONNAIRES, env: {} });
  const collector = await createCollector({ config, logStream: false });
  const base = await collector.listen();
  try {
    const page = await browser.newPage();
    const url = addSurveyPage(site, '/core-keyboard-collector.html', {
      attributes: {
        src: `/questionnaires/${BUILD_ID}/questionnaire.json`, endpoint: base,
        territory: 'commune:35238', wave: '2026', lang: 'fr', channel: 'web',
      },
    });
    await openSurvey(page, url);
    await fillSurveyByKeyboard(page, compiled, PLAN);
    await sendFromReview(page);
    const submitted = await waitForEvent(page, 'olva-submitted', 20_000).catch(async () => {
      throw new Error(`not stored by the collector; events: ${JSON.stringify(await recordedEvents(page))}`);
    });
    const stored = await collector.store.get(submitted.receipt.submissionId);
    expect(stored).not.toBeNull();
    expect(stored!.payload.extension).toEqual({ id: 'rennes-2026', version: compiled.extension!.version });
    expect(stored!.payload.territory).toEqual({ level: 'commune', code: '35238' });
    for (const [id, value] of Object.entries(PLAN)) expect(stored!.payload.answers[id], id).toEqual(value);
    await page.close();
  } finally {
    await collector.close();
  }
});
