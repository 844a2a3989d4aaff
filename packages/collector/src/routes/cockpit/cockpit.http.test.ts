/**
 * The cockpit's API over real HTTP, on SQLite and PostgreSQL: a territory's figures (days,
 * channels, sources, sectors against the expected distribution, target), the network view,
 * and scopes (a territory token never sees another territory).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBackends } from '@olva/test-support/store-backends';
import { TEST_TOKENS } from '@olva/test-support/test-collector';
import { SqlResponseStore } from '../../store/sql-store.js';
import { cockpitPayload, MANY_VOLUNTEERS_CHECK, postAll, startCockpitCollector } from '@olva/test-support/cockpit-fixtures';

const lorient = { level: 'epci' as const, code: '200042174' };
const stats = {
  sectorQuestion: 'secteur',
  expected: [{ territory: { level: 'commune', code: '35238' }, wave: '2026', source: 'RNA 2026', sectors: { sport: 50, culture: 30, social: 20 } }],
  targets: [
    { territory: { level: 'commune', code: '35238' }, target: 20 },
    { territory: lorient, wave: '2026', target: 10 },
    { territory: { level: 'departement', code: '22' }, wave: '2026', target: 5 },
  ],
};

for (const backend of bothBackends()) {
  describe(`cockpit API on ${backend.name}`, () => {
    let server: Awaited<ReturnType<typeof startCockpitCollector>>;
    const get = async (path: string, token?: string) => {
      const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: res.status, body: await res.json() as any };
    };

    beforeAll(async () => {
      await backend.setup();
      server = await startCockpitCollector(await backend.newDatabaseUrl(), { stats });
      // Rennes 2026: 6 sport (4 web, 2 paper), 2 culture by phone from "mairie"; one 2025 response.
      const rennes = [
        ...Array.from({ length: 4 }, () => cockpitPayload({ secteur: 'sport' })),
        ...Array.from({ length: 2 }, () => cockpitPayload({ secteur: 'sport' }, { channel: 'paper' })),
        ...Array.from({ length: 2 }, () => cockpitPayload({ secteur: 'culture' }, { channel: 'phone', source: 'mairie' })),
        cockpitPayload({ secteur: 'social' }, { wave: '2025' }),
      ];
      // Lorient: one on the EPCI itself, one core-only response from Lorient (56121) inside it.
      const others = [
        cockpitPayload({ secteur: 'culture' }, { territory: lorient, extension: { id: 'lorient-agglo-2026', version: '1.0.0' } }),
        cockpitPayload({ secteur: 'social' }, { territory: { level: 'commune', code: '56121' } }),
      ];
      await postAll(server.url, [...rennes, ...others]);
      // Spread Rennes over three days: the first two responses two days ago, the third one yesterday.
      const db = (server.collector.store as SqlResponseStore).db;
      const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
      await db.run('UPDATE olva_responses SET received_at = ? WHERE submission_id IN (?, ?)', [day(2), rennes[0].submissionId, rennes[1].submissionId]);
      await db.run('UPDATE olva_responses SET received_at = ? WHERE submission_id = ?', [day(1), rennes[2].submissionId]);
    });
    afterAll(async () => {
      await server?.close();
      await backend.teardown();
    });

    it('gives a territory its days, channels, sources, sectors against the expected distribution and progress', async () => {
      const { status, body } = await get('/v1/cockpit/territory', TEST_TOKENS.rennes);
      expect(status).toBe(200);
      expect(body.territory).toEqual({ level: 'commune', code: '35238', name: 'Rennes' });
      expect(body.wave).toBe('2026');
      expect(body.waves).toEqual(['2026', '2025']);
      expect(body.responses).toBe(8);
      expect(body.daily.map((d: any) => [d.count, d.cumulative])).toEqual([[2, 2], [1, 3], [5, 8]]);
      expect(body.daily[2].date).toBe(new Date().toISOString().slice(0, 10));
      expect(body.byChannel).toEqual([
        { code: 'web', count: 4, share: 0.5 }, { code: 'paper', count: 2, share: 0.25 },
        { code: 'phone', count: 2, share: 0.25 }, { code: 'kiosk', count: 0, share: 0 },
      ]);
      expect(body.bySource).toEqual([{ code: null, count: 6, share: 0.75 }, { code: 'mairie', count: 2, share: 0.25 }]);
      // Target 20: sport expects 50 % of 20 = 10 (has 6), culture 6 (has 2), social 4 (has 0).
      expect(body.target).toBe(20);
      expect(body.progress).toBe(0.4);
      const line = (code: string) => body.sectors.lines.find((l: any) => l.code === code);
      expect(line('sport')).toMatchObject({ count: 6, share: 0.75, expected: { count: 50, share: 0.5 }, gap: 0.25, missing: 4 });
      expect(line('culture')).toMatchObject({ count: 2, share: 0.25, expected: { count: 30, share: 0.3 }, missing: 4 });
      expect(line('social')).toMatchObject({ count: 0, missing: 4, gap: -0.2 });
      // Progress 0.4: social has 0 of its 4, culture 2 of 6 (0.33): behind. Sport has 6 of 10 (0.6),
      // over-represented (75 % against 50 %): lacking responses for the target, yet not to chase.
      expect(body.sectors.chase).toEqual(['social', 'culture']);
      expect(body.sectors).toMatchObject({ question: 'secteur', answered: 8, basis: 'expected', expectedSource: 'RNA 2026' });
      expect(body.registerNote.fr).toMatch(/surestime/);
      expect(body.completion.status).toBe('unknown');
      expect(body.paper.keyedIn).toBe(2);
      expect(body.paper.entry).toBe('/iframe/?questionnaire=olva-core%2Brennes-2026&territory=commune%3A35238&wave=2026&channel=paper&source=saisie-papier&from=cockpit');
      // Another wave: no expected distribution for 2025, the target for every wave still holds.
      const w2025 = (await get('/v1/cockpit/territory?territory=commune:35238&wave=2025', TEST_TOKENS.rennes)).body;
      expect(w2025).toMatchObject({ wave: '2025', responses: 1, target: 20, progress: 0.05, sectors: { basis: 'none', chase: ['sport', 'culture'] } });
      expect(w2025.registerNote).toBeUndefined();
    });

    it('counts the responses of the territories inside the one asked for', async () => {
      const { body } = await get(`/v1/cockpit/territory?territory=epci:${lorient.code}`, TEST_TOKENS.lorient);
      expect(body.responses).toBe(2);
      expect(body.sectors.lines.filter((l: any) => l.count).map((l: any) => l.code).sort()).toEqual(['culture', 'social']);
      expect(body.progress).toBe(0.2);
    });

    it('shows the national token every territory of the wave, and a territory token its own only', async () => {
      const national = (await get('/v1/cockpit/network', TEST_TOKENS.national)).body;
      expect(national.wave).toBe('2026');
      expect(national.responses).toBe(10);
      // The id the page exports the whole scope under (no territory: the token's reach).
      expect(national.questionnaire).toBe('olva-core');
      const rows = Object.fromEntries(national.territories.map((r: any) => [`${r.territory.level}:${r.territory.code}`, r]));
      // Known territories come first whether or not they have responses (Côtes-d'Armor has a target, no response).
      expect(Object.keys(rows).sort()).toEqual(['commune:35238', 'departement:22', 'departement:56', 'epci:200042174']);
      expect(rows['commune:35238']).toMatchObject({ responses: 8, target: 20, progress: 0.4, paper: 2, sectorsMissing: ['social', 'culture'], sectorBasis: 'expected' });
      expect(rows['epci:200042174']).toMatchObject({ responses: 2, target: 10, territory: { name: 'Lorient Agglomération' } });
      // The Morbihan holds Lorient Agglomération, so both its responses.
      expect(rows['departement:56']).toMatchObject({ responses: 2, target: null });
      expect(rows['departement:22']).toMatchObject({ responses: 0, lastResponse: null, target: 5 });
      expect(rows['commune:35238'].lastResponse).toMatch(/^\d{4}-\d\d-\d\dT/);

      const rennes = (await get('/v1/cockpit/network', TEST_TOKENS.rennes)).body;
      expect(rennes.territories.map((r: any) => r.territory.code)).toEqual(['35238']);
      expect(rennes.responses).toBe(8);
      const morbihan = (await get('/v1/cockpit/network', TEST_TOKENS.morbihan)).body;
      expect(morbihan.territories.map((r: any) => `${r.territory.level}:${r.territory.code}`)).toEqual(['departement:56', 'epci:200042174']);
    });

    it('lists the responses whose respondent confirmed a coherence warning, with a link, in scope only', async () => {
      const confirmed = cockpitPayload({ secteur: 'sport', nb_benevoles: 800 });
      const elsewhere = cockpitPayload({ secteur: 'culture', nb_benevoles: 900 }, { territory: lorient, extension: { id: 'lorient-agglo-2026', version: '1.0.0' } });
      await postAll(server.url, [confirmed, elsewhere]);
      const rennes = await get('/v1/cockpit/warnings?territory=commune:35238&wave=2026', TEST_TOKENS.rennes);
      expect(rennes.status).toBe(200);
      expect(rennes.body.total).toBe(1);
      expect(rennes.body.listed).toEqual([expect.objectContaining({
        submissionId: confirmed.submissionId, link: `/v1/responses/${confirmed.submissionId}`,
        checks: [expect.objectContaining({ id: MANY_VOLUNTEERS_CHECK, questions: ['nb_benevoles'] })],
      })]);
      const national = await get('/v1/cockpit/warnings?wave=2026', TEST_TOKENS.national);
      expect(national.body.listed.map((w: { submissionId: string }) => w.submissionId).sort()).toEqual([confirmed.submissionId, elsewhere.submissionId].sort());
      expect((await get('/v1/cockpit/warnings?territory=epci:200042174', TEST_TOKENS.rennes)).status).toBe(403);
      expect((await get('/v1/cockpit/warnings')).status).toBe(401);
    });

    it('refuses other territories, missing tokens and ambiguous queries', async () => {
      expect((await get(`/v1/cockpit/territory?territory=epci:${lorient.code}`, TEST_TOKENS.rennes)).status).toBe(403);
      expect((await get('/v1/cockpit/network?territory=commune:56121', TEST_TOKENS.rennes)).status).toBe(403);
      expect((await get('/v1/cockpit/territory?territory=commune:35238', TEST_TOKENS.rennesReadOnly)).status).toBe(403);
      expect((await get('/v1/cockpit/network')).status).toBe(401);
      expect((await get('/v1/cockpit/network', 'wrong-token-0123456789')).status).toBe(401);
      const noTerritory = await get('/v1/cockpit/territory', TEST_TOKENS.national);
      expect(noTerritory).toMatchObject({ status: 400, body: { error: 'bad-request', problems: [{ pointer: '/territory', code: 'one-territory' }] } });
      expect(await get('/v1/cockpit/network?wave=2025,2026', TEST_TOKENS.national)).toMatchObject({ status: 400, body: { problems: [{ pointer: '/wave', code: 'one-wave' }] } });
      expect((await get('/v1/cockpit/network?wave=%27', TEST_TOKENS.national)).status).toBe(400);
    });
  });
}
