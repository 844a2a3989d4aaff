import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { TerritorialExtension } from '@olva/schema';
import { diffExtensions } from './index.js';

const rennes = JSON.parse(readFileSync(new URL('../../../../examples/extensions/rennes-2026.json', import.meta.url), 'utf8')) as TerritorialExtension;

/** A changed copy of the Rennes extension. */
function next(version: string, edit: (e: any) => void): TerritorialExtension { // eslint-disable-line @typescript-eslint/no-explicit-any
  const e = structuredClone(rennes);
  e.version = version;
  edit(e);
  return e;
}

describe('diffExtensions', () => {
  it('classifies a reworded question of the territory as a PATCH, 1.0.0 → 1.0.1', () => {
    const result = diffExtensions(rennes, next('1.0.1', (e) => { e.insert[0].items[0].label.fr = 'Quartier principal de vos activités ?'; }));
    expect(result.changes.map((c) => [c.rule, c.kind, c.question])).toEqual([['wording-changed', 'patch', 'rennes.quartier_principal']]);
    expect(result).toMatchObject({ required: 'patch', declared: 'patch', ok: true, next: '1.0.1' });
    expect(result.questions).toEqual([{ question: 'rennes.quartier_principal', kind: 'patch', changes: [{ what: 'reworded' }] }]);
  });

  it('finds an added question (MINOR) and a namespace change (MAJOR), with the version to publish', () => {
    const added = diffExtensions(rennes, next('1.0.1', (e) => {
      e.insert[0].items.push({ id: 'rennes.nouvelle', type: 'boolean', label: { fr: 'Nouvelle ?' } });
    }));
    expect(added).toMatchObject({ required: 'minor', declared: 'patch', ok: false, next: '1.1.0' });
    const moved = diffExtensions(rennes, next('2.0.0', (e) => { e.namespace = 'rennes_ville'; }));
    expect(moved.changes[0]).toMatchObject({ rule: 'namespace-changed', kind: 'major' });
    expect(moved.next).toBe('2.0.0');
  });

  it('refuses a recoded territory question without crosswalk, accepts it with one', () => {
    const recode = (e: any) => { e.insert[0].items[0].choices[0].code = 'centre_ville'; }; // eslint-disable-line @typescript-eslint/no-explicit-any
    const refused = diffExtensions(rennes, next('2.0.0', recode));
    expect(refused.problems.map((p) => p.rule)).toEqual(['crosswalk/missing']);
    expect(refused.ok).toBe(false);
    const accepted = diffExtensions(rennes, next('2.0.0', (e) => {
      recode(e);
      e.crosswalk = { from: '1.0.0', questions: [{ question: 'rennes.quartier_principal', from: 'rennes.quartier_principal', codes: { centre: ['centre_ville'] } }] };
    }));
    expect(accepted.problems).toEqual([]);
    expect(accepted.questions[0]!.changes).toEqual([{ what: 'recoded', from: 'centre', to: 'centre_ville' }]);
  });
});
