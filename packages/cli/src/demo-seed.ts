/**
 * Generated responses for the demo (`olva demo --seed-responses`) and the results bench: a
 * realistic-looking set across several territories and two waves, so that `olva analyse` and
 * the reports have something to show before anyone has answered. Every payload is marked as
 * generated (`source: "generated"`, `client.name: "olva-demo-seed"`) so it is never taken for a
 * real answer, and none carries free text, names or e-mail addresses. The main answers follow
 * the national picture (sectors, employers, budgets, presidents); the others are drawn evenly.
 * Deterministic from the seed (submission ids included): seeding twice stores nothing new.
 */
import { payloadDigest, type ResponseStore } from '@olva/collector';
import { computeVisibility } from '@olva/runtime';
import { seededRandom, unhandledQuestionType, type AnswerValue, type CompiledQuestion, type CompiledQuestionnaire, type ResponsePayload, type TerritoryLevel } from '@olva/schema';

/** The `source` of every generated payload. */
export const GENERATED_SOURCE = 'generated';
/** The `client.name` of every generated payload. */
export const GENERATED_CLIENT = 'olva-demo-seed';

/** A territory and wave to generate, with the build its respondents answer and how many. */
export interface SeedGroup {
  territory: { level: TerritoryLevel; code: string };
  wave: string;
  compiled: CompiledQuestionnaire;
  size: number;
  /** The INSEE code answered to commune questions; the territory's own when it is a commune. */
  commune?: string;
}

/** Weights of the answers that the national figures describe (Tchernonog & Prouteau 2019). */
const WEIGHTS: Record<string, Record<string, number>> = {
  secteur_principal: { sport: 24, culture: 23, loisirs_vie_sociale: 21, caritatif_humanitaire: 6, social_sante: 8, defense_causes: 5, education_formation_insertion: 4, economie_developpement_local: 3, environnement: 3, jeunesse_education_populaire: 3 },
  budget_annuel: { moins_1000: 35, de_1000_a_10000: 38, de_10000_a_50000: 15, de_50000_a_200000: 7, de_200000_a_500000: 3, '500000_et_plus': 2 },
  genre_presidence: { femme: 36, homme: 54, copresidence_mixte: 6, copresidence_non_mixte: 2, collegiale: 2 },
};

/** Codes a respondent ticks alone ("none", "don't know"). */
const ALONE = new Set(['aucun', 'aucune', 'ne_sait_pas']);

/** Ranges of the counts, so that figures look like associations'. */
const RANGES: Record<string, [number, number]> = {
  nb_adherents: [5, 400], nb_benevoles_reguliers: [2, 60], nb_benevoles_occasionnels: [0, 120], nb_dirigeants: [3, 15],
  nb_volontaires_service_civique: [0, 3], nb_salaries: [1, 40], part_financement_public: [0, 100],
};

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function weighted(weights: Record<string, number>, codes: readonly string[], next: () => number): string {
  const list = codes.map((c) => [c, weights[c] ?? 1] as const);
  let r = next() * list.reduce((s, [, w]) => s + w, 0);
  for (const [c, w] of list) if ((r -= w) < 0) return c;
  return list[list.length - 1]![0];
}

/** A number kept inside the question's own bounds. */
function within(q: CompiledQuestion, n: number): number {
  const { min, max } = q as { min?: number; max?: number };
  return Math.min(max ?? Infinity, Math.max(min ?? -Infinity, n));
}

function answerFor(q: CompiledQuestion, group: SeedGroup, employerRate: number, next: () => number): AnswerValue | undefined {
  const codes = 'choices' in q && q.choices ? q.choices.map((c) => c.code).filter((c) => c !== 'other') : [];
  switch (q.type) {
    case 'single': return weighted(WEIGHTS[q.id] ?? {}, codes, next);
    case 'multiple': {
      const usual = codes.filter((c) => !ALONE.has(c));
      const alone = codes.filter((c) => ALONE.has(c));
      if (alone.length && next() < 0.08) return [alone[0]!];
      const ticked = usual.filter(() => next() < 0.25).slice(0, (q as { maxSelected?: number }).maxSelected ?? usual.length);
      return ticked.length ? ticked : [usual[Math.floor(next() * usual.length)]!];
    }
    // Nobody asks for the results: that would need an e-mail address, never invented.
    case 'boolean': return q.id === 'recevoir_resultats' ? false : next() < (q.id === 'employeur' ? employerRate : 0.45);
    case 'scale': return 1 + Math.floor(next() * codes.length);
    case 'matrix': return Object.fromEntries(q.rows.map((r) => [r.code, codes[Math.floor(next() * codes.length)]!]));
    case 'integer': {
      const [low, high] = RANGES[q.id] ?? [0, 30];
      // Skewed towards the low end, as counts of members and volunteers are.
      return within(q, low + Math.floor(next() ** 2 * (high - low + 1)));
    }
    case 'decimal': return within(q, Math.round(next() * 200) / 10);
    case 'year': return 1950 + Math.floor(next() ** 0.7 * 76);
    case 'commune': return group.commune ?? (group.territory.level === 'commune' ? group.territory.code : undefined);
    // Free text, e-mail: never generated (no invented names or addresses).
    case 'text': case 'textarea': case 'email': return undefined;
    default: return unhandledQuestionType(q);
  }
}

/** The generated payloads of the groups, interleaved as a collector receives them. */
export function* generatedResponses(groups: readonly SeedGroup[], seed = 2026): Generator<ResponsePayload> {
  const next = seededRandom(seed);
  const left = groups.map((g) => g.size);
  let remaining = left.reduce((s, n) => s + n, 0);
  while (remaining > 0) {
    let pick = Math.floor(next() * remaining);
    let k = 0;
    while (pick >= left[k]!) pick -= left[k++]!;
    left[k]! -= 1;
    remaining -= 1;
    const g = groups[k]!;
    // Employers: about one in nine nationally; more in the cities.
    const employerRate = g.territory.level === 'commune' && g.territory.code === '35238' ? 0.2 : 0.12;
    const raw: Record<string, AnswerValue> = {};
    for (const section of g.compiled.sections) {
      for (const q of section.questions) {
        if (next() < 0.04 && !q.required) continue;
        const value = answerFor(q, g, employerRate, next);
        if (value !== undefined) raw[q.id] = value;
      }
    }
    if (typeof raw.nb_dirigeantes_femmes === 'number' && typeof raw.nb_dirigeants === 'number') raw.nb_dirigeantes_femmes = Math.min(raw.nb_dirigeantes_femmes, raw.nb_dirigeants);
    if (typeof raw.etp === 'number' && typeof raw.nb_salaries === 'number') raw.etp = Math.min(raw.etp, raw.nb_salaries);
    if (typeof raw.annee_creation === 'number') raw.annee_creation = Math.min(raw.annee_creation, Number(g.wave.slice(0, 4)) || 2025);
    const answers = computeVisibility(g.compiled, raw).answers;
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const year = /^\d{4}/.test(g.wave) ? g.wave.slice(0, 4) : '2026';
    yield {
      kind: 'olva-response', specVersion: 1, submissionId: uuid(next),
      questionnaire: { ...g.compiled.questionnaire },
      extension: g.compiled.extension ? { id: g.compiled.extension.id, version: g.compiled.extension.version } : null,
      territory: { ...g.territory }, wave: g.wave, channel: 'web', source: GENERATED_SOURCE, locale: 'fr',
      startedAt: `${year}-03-${day}T09:00:00Z`, submittedAt: `${year}-03-${day}T09:18:00Z`,
      client: { name: GENERATED_CLIENT, version: '1' },
      answers,
    } as ResponsePayload;
  }
}

/** The demo's territories: Rennes and six others (Lorient inside Lorient Agglomération), in 2025 and 2026 (about 640 responses). */
export function demoSeedGroups(builds: { core: CompiledQuestionnaire; rennes: CompiledQuestionnaire; lorient: CompiledQuestionnaire }): SeedGroup[] {
  const commune = (code: string) => ({ level: 'commune' as const, code });
  const lorient = { level: 'epci' as const, code: '200042174' };
  return [
    { territory: commune('35238'), wave: '2026', compiled: builds.rennes, size: 140 },
    { territory: commune('35238'), wave: '2025', compiled: builds.rennes, size: 110 },
    // Lorient Agglomération, part of it collected in the commune of Lorient: two nested
    // territories, each with its token, whose publications are checked beside each other.
    // The commune's own collection answers the core: a response to the agglomeration's
    // extension carries the agglomeration (its build's payload schema pins it), and the
    // collector refuses it from the commune, so an export of the demo imported again
    // refused these 60 rows.
    { territory: commune('56121'), wave: '2026', compiled: builds.core, size: 35 },
    { territory: commune('56121'), wave: '2025', compiled: builds.core, size: 25 },
    { territory: lorient, wave: '2026', compiled: builds.lorient, size: 45, commune: '56098' },
    { territory: lorient, wave: '2025', compiled: builds.lorient, size: 35, commune: '56098' },
    { territory: commune('29019'), wave: '2026', compiled: builds.core, size: 70 },
    { territory: commune('44109'), wave: '2026', compiled: builds.core, size: 90 },
    { territory: commune('35288'), wave: '2026', compiled: builds.core, size: 45 },
    { territory: commune('56260'), wave: '2026', compiled: builds.core, size: 40 },
  ];
}

/**
 * Stores the demo's generated responses (and the versions they answered) through the store;
 * idempotent. Resolves to how many were new.
 */
export async function seedDemoResponses(store: ResponseStore, groups: readonly SeedGroup[], seed?: number): Promise<number> {
  for (const c of new Set(groups.map((g) => g.compiled))) await store.saveQuestionnaire(c);
  let created = 0;
  for (const payload of generatedResponses(groups, seed)) {
    if ((await store.insert(payload, payloadDigest(payload))).status === 'created') created += 1;
  }
  return created;
}
