import type { LintRule, Finding } from './rule.js';
import { finding, q } from './rule.js';

/** An extension is written for one core: assembling it with another would place questions anywhere. */
export const extensionWrongCore: LintRule = {
  name: 'extension-wrong-core',
  severity: 'error',
  description: { fr: 'L’extension étend un autre questionnaire que ce tronc commun.', en: 'The extension extends another questionnaire than this core.' },
  check(ctx) {
    const ext = ctx.extension;
    const target = (ext?.extends as { id?: unknown } | undefined)?.id;
    if (!ext || target === undefined || target === ctx.core?.id) return [];
    return [finding('extension', '/extends/id',
      [`l’extension étend ${q(target)}, mais le tronc commun est ${q(ctx.core?.id)}`, `the extension extends ${q(target)}, but the core is ${q(ctx.core?.id)}`],
      [`écrivez "extends": {"id": ${q(ctx.core?.id)}, …} ou compilez avec le bon tronc commun`, `write "extends": {"id": ${q(ctx.core?.id)}, …} or compile against the right core`])] as Finding[];
  },
};
