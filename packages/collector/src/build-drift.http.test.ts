/**
 * A build rebuilt from a changed definition under the same versions, once answers were stored:
 * the collector, started again on the same database, says which questions now read those
 * answers differently (recoded) or show them under other words (reworded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledQuestionnaire } from '@olva/schema';
import { coreQuestionnaire, corePayload, writeBuild } from '@olva/test-support/collector-questionnaires';
import { sqliteBackend } from '@olva/test-support/store-backends';
import { startTestCollector } from '@olva/test-support/test-collector';

const backend = sqliteBackend();
let databaseUrl: string;
beforeAll(async () => {
  await backend.setup();
  databaseUrl = await backend.newDatabaseUrl();
});
afterAll(() => backend.teardown());

/** Starts a collector on the shared database with one build of the core, edited by `edit`; returns its warnings (English). */
async function warningsWith(edit: (c: CompiledQuestionnaire) => void, post = false): Promise<string[]> {
  const compiled = coreQuestionnaire();
  edit(compiled);
  const server = await startTestCollector(databaseUrl, { overrides: { questionnaires: [{ build: 'olva-core' }] }, builds: (dir) => writeBuild(dir, compiled) });
  try {
    if (post) {
      const res = await fetch(`${server.url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(corePayload()) });
      expect(res.status).toBe(201);
    }
    return server.collector.warnings.map((w) => w.en).filter((w) => /build-(recoded|reworded)/.test(w));
  } finally {
    await server.close();
  }
}

const question = (c: CompiledQuestionnaire, id: string) => c.sections.flatMap((s) => s.questions).find((q) => q.id === id)! as { label: { fr: string; en?: string }; choices?: { code: string; label: { fr: string } }[] };

describe('a build rebuilt under the same versions', () => {
  it('says nothing before any answer is kept, nor when the build is the one kept', async () => {
    expect(await warningsWith((c) => { question(c, 'nb_benevoles').label.fr = 'Combien de bénévoles actifs ?'; }, true)).toEqual([]);
    // That build's definition is now the one kept with the answer: started again as it is, all is well.
    expect(await warningsWith((c) => { question(c, 'nb_benevoles').label.fr = 'Combien de bénévoles actifs ?'; })).toEqual([]);
  });

  it('warns of a reworded question, and more loudly of a recoded one, naming the build, the versions and the questions', async () => {
    expect(await warningsWith(() => undefined)).toEqual([
      'build olva-core (olva-core 2026.1.0) rewords question nb_benevoles without a new version: the answers already received would show under the new wording. Raise the definition\'s version (a PATCH will do) and build again [build-reworded]',
    ]);
    const recoded = await warningsWith((c) => { question(c, 'secteur').choices!.push({ code: 'loisirs', label: { fr: 'Loisirs' } }); });
    expect(recoded).toHaveLength(1);
    expect(recoded[0]).toMatch(/^build olva-core \(olva-core 2026\.1\.0\) no longer reads the answers already received for these versions: question secteur added, removed, retyped or recoded .*\[build-recoded\]$/);
  });
});
