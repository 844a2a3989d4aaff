/**
 * Impact of a new core on the network's extensions (issue 14, "Impact report"): for each
 * extension, whether it still validates against the new core, whether its range of core
 * versions must widen (with a range that widens, `^2026.1.0 || ^2027.0.0`, rather than one that
 * replaces, so the extension keeps working with the waves already collected), and which core
 * questions or extension points it uses that the new core removed.
 */
import semver from 'semver';
import type { QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';
import { lint } from '../lint/index.js';
import { hasErrors, type CompilerProblem } from '../problems.js';
import { isQuestion } from './model.js';

/** What a new core does to one extension. */
export interface ExtensionImpact {
  extension: { id: string; version: string; range: string };
  /** `ok`: works as is; `widen`: works once its range includes the new core; `broken`: must be changed. */
  status: 'ok' | 'widen' | 'broken';
  /** True when `extends.version` already includes the new core's version. */
  inRange: boolean;
  /** A range that keeps the old versions and adds the new one; absent when `inRange`. */
  suggestedRange?: string;
  /** Core questions the extension reads (conditions, checks) that the new core no longer has; `removed` when the old core had them. */
  missingQuestions: { question: string; pointer: string; removed: boolean }[];
  /** Extension points the extension inserts at that the new core no longer has. */
  missingPoints: { point: string; pointer: string; removed: boolean }[];
  /** The extension's lint errors against the new core, the range rule aside. */
  problems: CompilerProblem[];
}

/** Every `{"var": …}` of a condition with the JSON pointer of the condition. */
function varsIn(node: unknown, pointer: string, out: { name: string; pointer: string }[]): void {
  if (Array.isArray(node)) { node.forEach((n) => varsIn(n, pointer, out)); return; }
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'var') {
      const name = Array.isArray(v) ? v[0] : v;
      if (typeof name === 'string') out.push({ name, pointer });
    } else varsIn(v, pointer, out);
  }
}

/** The core question ids an extension's conditions and checks read, with where. */
function coreReads(ext: TerritorialExtension): { question: string; pointer: string }[] {
  const found: { name: string; pointer: string }[] = [];
  (ext.insert ?? []).forEach((ins, i) => ins.items.forEach((q, j) => {
    for (const key of ['visibleWhen', 'required'] as const) varsIn((q as Record<string, unknown>)[key], `/insert/${i}/items/${j}/${key}`, found);
  }));
  (ext.sections ?? []).forEach((s, i) => s.items.forEach((q, j) => {
    if (!isQuestion(q)) return;
    for (const key of ['visibleWhen', 'required'] as const) varsIn((q as Record<string, unknown>)[key], `/sections/${i}/items/${j}/${key}`, found);
  }));
  (ext.checks ?? []).forEach((c, i) => varsIn(c.when, `/checks/${i}/when`, found));
  const own = `${ext.namespace}.`;
  const seen = new Set<string>();
  return found
    .filter((f) => !f.name.startsWith(own))
    .map((f) => ({ question: f.name.split('.')[0]!.replace(/_other$/, ''), pointer: f.pointer }))
    .filter((r) => (seen.has(`${r.question}${r.pointer}`) ? false : (seen.add(`${r.question}${r.pointer}`), true)));
}

function questionIds(core: QuestionnaireDefinition | undefined): Set<string> {
  return new Set((core?.sections ?? []).flatMap((s) => s.items.filter(isQuestion).map((q) => q.id)));
}

function pointNames(core: QuestionnaireDefinition | undefined): Set<string> {
  return new Set((core?.sections ?? []).flatMap((s) => s.items.flatMap((i) => ('extensionPoint' in i ? [i.extensionPoint] : []))));
}

/** The range to write so that `range` also covers `version`: `<range> || ^<version>`. */
export function widenedRange(range: string, version: string): string {
  return `${range} || ^${version}`;
}

/**
 * The impact of `newCore` on `extension`; `oldCore` (the core the extension was written for)
 * tells a question the new core removed from one that never existed. Pure.
 */
export function extensionImpact(
  newCore: QuestionnaireDefinition,
  extension: TerritorialExtension,
  files: { core: string; extension: string },
  oldCore?: QuestionnaireDefinition,
): ExtensionImpact {
  const range = extension.extends.version;
  const inRange = semver.validRange(range) !== null && semver.satisfies(newCore.version, range);
  const problems = lint(newCore, extension, files)
    .filter((p) => p.file === files.extension && p.rule !== 'extension-version-range' && p.severity === 'error');
  const now = questionIds(newCore);
  const before = questionIds(oldCore);
  const missingQuestions = coreReads(extension).filter((r) => !now.has(r.question)).map((r) => ({ ...r, removed: before.has(r.question) }));
  const points = pointNames(newCore);
  const oldPoints = pointNames(oldCore);
  const missingPoints = (extension.insert ?? []).flatMap((ins, i) => (points.has(ins.at) ? [] : [{ point: ins.at, pointer: `/insert/${i}/at`, removed: oldPoints.has(ins.at) }]));
  const broken = hasErrors(problems) || missingQuestions.length > 0 || missingPoints.length > 0 || extension.extends.id !== newCore.id;
  return {
    extension: { id: extension.id, version: extension.version, range },
    status: broken ? 'broken' : inRange ? 'ok' : 'widen',
    inRange,
    ...(inRange ? {} : { suggestedRange: widenedRange(range, newCore.version) }),
    missingQuestions,
    missingPoints,
    problems,
  };
}
