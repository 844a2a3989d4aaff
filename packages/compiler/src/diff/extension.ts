/**
 * `diff` of two versions of a territorial extension (1.0.0 → 1.0.1 of a territory's own
 * questions). The extension is read as a definition whose sections are its insertions (one per
 * extension point, named `@<point>`) then its own sections, so the same rules classify its
 * questions; what only an extension has (namespace, territory, core range) is compared here.
 */
import type { QuestionnaireDefinition, Section, TerritorialExtension } from '@olva/schema';
import { change } from './model.js';
import type { Change } from './types.js';

/** An extension as a definition-shaped document for the diff rules. */
export function extensionAsDefinition(ext: TerritorialExtension): QuestionnaireDefinition {
  const inserted: Section[] = (ext.insert ?? []).map((ins) => ({ id: `@${ins.at}`, title: { fr: ins.at }, items: ins.items }));
  return {
    id: ext.id, version: ext.version, title: ext.title,
    ...(ext.description ? { description: ext.description } : {}),
    sections: [...inserted, ...(ext.sections ?? [])] as QuestionnaireDefinition['sections'],
    ...(ext.checks ? { checks: ext.checks as QuestionnaireDefinition['checks'] } : {}),
    ...(ext.crosswalk ? { crosswalk: ext.crosswalk } : {}),
  };
}

/** `namespace-changed` (MAJOR: every column is renamed), `territory-changed` (MAJOR), `core-range-changed` (MINOR). */
export function extensionIdentityChanges(before: TerritorialExtension, after: TerritorialExtension): Change[] {
  const out: Change[] = [];
  if (before.namespace !== after.namespace) {
    out.push(change('major', '/namespace', 'namespace-changed', `namespace changed from "${before.namespace}" to "${after.namespace}": every question id changes`,
      `l’espace de noms passe de « ${before.namespace} » à « ${after.namespace} » : tous les identifiants de questions changent`));
  }
  const t = (x: TerritorialExtension) => `${x.territory.level}:${x.territory.code}`;
  if (t(before) !== t(after)) {
    out.push(change('major', '/territory', 'territory-changed', `territory changed from ${t(before)} to ${t(after)}`,
      `le territoire passe de ${t(before)} à ${t(after)}`));
  }
  if (before.extends.version !== after.extends.version || before.extends.id !== after.extends.id) {
    out.push(change('minor', '/extends', 'core-range-changed', `core range changed from ${before.extends.id} ${before.extends.version} to ${after.extends.id} ${after.extends.version}`,
      `l’intervalle du tronc commun passe de ${before.extends.id} ${before.extends.version} à ${after.extends.id} ${after.extends.version}`));
  }
  return out;
}
