/**
 * Adds line and column to problems, from the source text of the documents they are about, so
 * that people can jump to the spot in their editor. Pure: returns new problem objects.
 */
import type { CompilerProblem } from './problems.js';
import type { LoadedDocument } from './load.js';
import { pointerPosition, pointerOffsets } from '@olva/schema';

/** The problems with `line` and `column` set wherever the file's text is among `documents`. */
export function withLocations(problems: readonly CompilerProblem[], documents: readonly (LoadedDocument | null | undefined)[]): CompilerProblem[] {
  const sources = new Map<string, { text: string; offsets?: Map<string, number> }>();
  for (const d of documents) if (d?.text !== undefined && !sources.has(d.file)) sources.set(d.file, { text: d.text });
  return problems.map((p) => {
    const source = sources.get(p.file);
    if (!source || p.line !== undefined) return p;
    source.offsets ??= pointerOffsets(source.text);
    return { ...p, ...pointerPosition(source.offsets, source.text, p.pointer) };
  });
}
