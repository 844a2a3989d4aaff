/**
 * Test support for the cockpit: the collector's fixture builds with the two core questions
 * duplicates are found by (`nom_association`, `numero_rna`), a collector on a given database
 * with them, and a way to post payloads. Not used by the collector at run time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CompiledQuestion, CompiledQuestionnaire, ResponsePayload } from '@olva/schema';
import { createCollector, resolveConfig, type Collector } from '@olva/collector';
import { testConfig } from './test-collector.js';
import { coreQuestionnaire, corePayload, lorientQuestionnaire, rennesQuestionnaire, writeBuild } from './collector-questionnaires.js';

/** The warning-level check the cockpit's builds add: more than 500 volunteers asks for confirmation. */
export const MANY_VOLUNTEERS_CHECK = 'benevoles_tres_nombreux';

/**
 * Adds the name and RNA questions of the core (personal, as in core 2026.2.1, unless
 * `personal` is false, as before it), and a warning check, to a fixture build.
 */
function withIdentity(c: CompiledQuestionnaire, personal: boolean): CompiledQuestionnaire {
  const origin = { kind: 'core' as const, id: 'olva-core', version: '2026.1.0' };
  const extra = [
    { id: 'nom_association', type: 'text', label: { fr: 'Nom de l’association' }, ...(personal ? { personal } : {}), maxLength: 200, number: 90, section: 'profil', origin: { ...origin, pointer: '/sections/0/items/90' } },
    { id: 'numero_rna', type: 'text', label: { fr: 'Numéro RNA' }, ...(personal ? { personal } : {}), maxLength: 10, number: 91, section: 'profil', origin: { ...origin, pointer: '/sections/0/items/91' } },
  ] as unknown as CompiledQuestion[];
  c.sections[0].questions.push(...extra);
  c.checks.push({
    id: MANY_VOLUNTEERS_CHECK, when: { '>': [{ var: 'nb_benevoles' }, 500] }, level: 'warning',
    message: { fr: 'Plus de 500 bénévoles : est-ce bien le nombre ?', en: 'More than 500 volunteers: is that the number?' },
    questions: ['nb_benevoles'], origin: { kind: 'core', id: 'olva-core', version: '2026.1.0', pointer: '/checks/1' },
  });
  return c;
}

/**
 * A collector on `databaseUrl` with the test tokens and the given configuration overrides;
 * `identity.personal: false` leaves the name and RNA questions unmarked (default: marked).
 */
export async function startCockpitCollector(databaseUrl: string, overrides: Record<string, unknown> = {}, identity: { personal?: boolean } = {}): Promise<{ collector: Collector; url: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-cockpit-'));
  for (const c of [coreQuestionnaire(), rennesQuestionnaire(), lorientQuestionnaire()]) writeBuild(dir, withIdentity(c, identity.personal ?? true));
  const raw = { ...testConfig(overrides), database: { url: databaseUrl } };
  const { config } = resolveConfig(raw, { file: path.join(dir, 'olva.config.json'), baseDir: dir, env: {} });
  const collector = await createCollector({ config, logStream: false });
  const url = await collector.listen();
  return { collector, url, async close() { await collector.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** A core payload (Rennes, wave 2026) with the given answers merged into valid ones. */
export function cockpitPayload(answers: Record<string, unknown>, overrides: Partial<ResponsePayload> = {}): ResponsePayload {
  return corePayload({ answers: { secteur: 'sport', nb_benevoles: 4, employeur: false, ...answers }, ...overrides });
}

/** Posts payloads one after the other; throws on anything but 201. */
export async function postAll(url: string, payloads: readonly ResponsePayload[]): Promise<void> {
  for (const p of payloads) {
    const res = await fetch(`${url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
    if (res.status !== 201) throw new Error(`posting ${p.submissionId}: ${res.status} ${await res.text()}`);
  }
}
