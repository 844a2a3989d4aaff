import semver from 'semver';
import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';

/**
 * An extension declares the core versions it was written for (a semver range): a core
 * outside it may have moved or removed its extension points or the questions it reads.
 */
export const extensionVersionRange: LintRule = {
  name: 'extension-version-range',
  severity: 'error',
  description: { fr: 'La version du tronc commun est hors de la plage déclarée par l’extension.', en: 'The core version is outside the range the extension declares.' },
  check(ctx) {
    const range = (ctx.extension?.extends as { version?: unknown } | undefined)?.version;
    const version = ctx.core?.version;
    if (!ctx.extension || typeof range !== 'string' || typeof version !== 'string') return [];
    if (semver.validRange(range) === null) {
      return [finding('extension', '/extends/version',
        [`${q(range)} n’est pas une plage de versions semver`, `${q(range)} is not a semver range`],
        [`écrivez par exemple "^${version}"`, `write for instance "^${version}"`])] as Finding[];
    }
    if (semver.satisfies(version, range)) return [];
    return [finding('extension', '/extends/version',
      [`le tronc commun est en version ${version}, hors de la plage ${q(range)} de l’extension`, `the core is version ${version}, outside the extension's range ${q(range)}`],
      [`vérifiez que l’extension convient à ${version}, puis élargissez la plage sans perdre les versions déjà couvertes : "${range} || ^${version}"`,
        `check that the extension fits ${version}, then widen the range, keeping the versions it covers: "${range} || ^${version}"`])];
  },
};
