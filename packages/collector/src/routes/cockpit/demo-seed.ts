/**
 * The demo's collection for the cockpit (`olva demo`): a few responses in Rennes and in
 * Lorient, most from two sectors (so that the cockpit has sectors to chase) and one
 * association that answered twice under two spellings of its name (a planted duplicate).
 * Posted through the collector's own intake, so they are valid responses to the core.
 */
import { randomUUID } from 'node:crypto';
import type { Collector } from '../../server.js';
import { listDuplicates } from '../../duplicates/list.js';
import { refreshFacts } from '../../store/facts.js';
import { SqlResponseStore } from '../../store/sql-store.js';
import { DEFAULT_SECTOR_QUESTION } from '../../stats/sample.js';

const ASSOCIATIONS: [name: string, sector: string, commune: string, channel: string][] = [
  ['Association L’Élan du Blosne', 'sport', '35238', 'web'],
  ['Cercle d’échecs de Maurepas', 'loisirs_vie_sociale', '35238', 'web'],
  ['Rennes Judo Club', 'sport', '35238', 'web'],
  ['Les Voix du Thabor', 'culture', '35238', 'paper'],
  ['Théâtre de la Prévalaye', 'culture', '35238', 'web'],
  ['Union cycliste rennaise', 'sport', '35238', 'phone'],
  ['Atelier photo Sainte-Anne', 'culture', '35238', 'web'],
  ['Basket Bréquigny', 'sport', '35238', 'web'],
  ['Danses bretonnes de Cleunay', 'culture', '35238', 'paper'],
  ['ELAN DU BLOSNE (L’)', 'sport', '35238', 'web'],
  ['Amicale laïque de Lanveur', 'loisirs_vie_sociale', '56121', 'web'],
  ['Lorient Voile', 'sport', '56121', 'web'],
  ['Festival des rives du Scorff', 'culture', '56121', 'kiosk'],
];

/**
 * Posts the demo collection when the store has no probable duplicate yet and the accepted core
 * is the common core; resolves with how many were posted. Throws when a response is refused.
 */
export async function seedCockpitDemo(collector: Collector): Promise<number> {
  const { store, app, registry } = collector;
  if (!(store instanceof SqlResponseStore)) return 0;
  // Only the count of groups is read here: no answer leaves the process.
  await refreshFacts(store.db, collector.config.stats?.sectorQuestion ?? DEFAULT_SECTOR_QUESTION);
  const existing = await listDuplicates(store.db, { territories: 'all', includeExcluded: true }, { known: [], include: true });
  if (existing.groups.length) return 0;
  const core = registry.accepted().find((b) => b.compiled.extension === null)?.compiled;
  // Only the common core's demo builds have the questions the seed answers.
  const questions = new Set(core?.sections.flatMap((s) => s.questions.map((q) => q.id)) ?? []);
  if (!core || !['nom_association', 'secteur_principal', 'commune_siege', 'perspectives'].every((id) => questions.has(id))) return 0;
  let posted = 0;
  for (const [i, [name, sector, commune, channel]] of ASSOCIATIONS.entries()) {
    const employeur = i % 4 === 0;
    const payload = {
      kind: 'olva-response', specVersion: 1, submissionId: randomUUID(),
      questionnaire: { id: core.questionnaire.id, version: core.questionnaire.version }, extension: null,
      territory: { level: 'commune', code: commune }, wave: '2026', channel, locale: 'fr',
      ...(channel === 'paper' ? { source: 'saisie-papier' } : { source: 'demo' }),
      startedAt: '2026-03-02T09:00:00.000Z', submittedAt: '2026-03-02T09:12:00.000Z',
      client: { name: 'olva-demo', version: '0.1.0' },
      answers: {
        nom_association: name, secteur_principal: sector, secteurs_secondaires: ['culture'], annee_creation: 1970 + i,
        echelle_action: 'commune', commune_siege: commune, affiliation_federation: i % 2 === 0, publics: ['tout_public'],
        nb_adherents: 40 + i * 7, nb_benevoles_reguliers: 6 + i, nb_dirigeants: 4, employeur,
        ...(employeur ? { nb_salaries: 2 } : {}),
        budget_annuel: 'de_10000_a_50000', sources_revenus: ['cotisations', 'dons'], locaux: 'aucun',
        // One row differs between the two spellings of Élan: a matrix compared row by row.
        besoins_par_domaine: { benevoles: 'fort', financement: i % 2 === 0 ? 'modere' : 'fort', locaux: 'aucun' },
        perspectives: 'maintien', accord_reconnaissance: 3,
      },
    };
    const reply = await app.inject({ method: 'POST', url: '/v1/responses', payload });
    if (reply.statusCode !== 201) throw new Error(`demo seed: response ${i} refused (${reply.statusCode}): ${reply.body.slice(0, 300)}`);
    posted += 1;
  }
  return posted;
}
