/**
 * Phase 1: load. Reads definition files and parses them as JSON. A missing file or a syntax
 * error becomes a problem that names the file (and the line and column), never an exception.
 */
import { readFile } from 'node:fs/promises';
import type { CompilerProblem } from './problems.js';
import { parseJson } from '@olva/schema';
import { fileError } from './read-json.js';

/** What a document is, decided from its content (an extension has `extends`). */
export type LoadedKind = 'questionnaire' | 'extension' | 'payload' | 'compiled' | 'unknown';

/** One file that was read and parsed. */
export interface LoadedDocument {
  /** The path as given. */
  file: string;
  /** The parsed JSON value. */
  document: unknown;
  /** The kind of document, from its content. */
  kind: LoadedKind;
  /** The source text, to point problems at a line and column. */
  text?: string;
}

/** The result of loading: the documents that parsed and the problems of those that did not. */
export interface LoadResult {
  documents: LoadedDocument[];
  problems: CompilerProblem[];
}

/**
 * Tells a questionnaire definition from an extension (which has `extends`), a response payload
 * (`kind: "olva-response"`) and a compiled questionnaire.
 */
export function detectKind(document: unknown): LoadedKind {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return 'unknown';
  const d = document as Record<string, unknown>;
  if (d.kind === 'olva-response') return 'payload';
  if (d.kind === 'olva-compiled-questionnaire') return 'compiled';
  if ('extends' in d) return 'extension';
  if ('sections' in d || 'id' in d) return 'questionnaire';
  return 'unknown';
}

/**
 * Parses one JSON text (pure). On a syntax error, returns a `load/json-syntax` problem with
 * the line and column; a leading byte-order mark is accepted.
 */
export function parseDocument(file: string, text: string): LoadedDocument | CompilerProblem {
  const parsed = parseJson(text);
  if ('value' in parsed) {
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return { file, document: parsed.value, kind: detectKind(parsed.value), text: source };
  }
  return {
    file,
    pointer: '',
    rule: 'load/json-syntax',
    severity: 'error',
    message: parsed.error.en,
    hint: 'fix the JSON syntax there (a missing comma or quote, a trailing comma, a comment?)',
    fr: {
      message: parsed.error.fr,
      hint: 'corrigez la syntaxe JSON à cet endroit (virgule ou guillemet manquant, virgule en trop, commentaire ?)',
    },
  };
}

/** True when `x` is a problem rather than a document. */
export function isProblem(x: LoadedDocument | CompilerProblem): x is CompilerProblem {
  return 'rule' in x;
}

/**
 * Reads and parses files, in the order given. Every file that cannot be read or parsed gives
 * one problem (`load/not-found`, `load/unreadable`, `load/json-syntax`) naming it.
 */
export async function load(paths: readonly string[]): Promise<LoadResult> {
  const documents: LoadedDocument[] = [];
  const problems: CompilerProblem[] = [];
  for (const file of paths) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      const why = fileError(error);
      problems.push({
        file,
        pointer: '',
        rule: missing ? 'load/not-found' : 'load/unreadable',
        severity: 'error',
        message: why.en,
        hint: missing ? 'check the path (it is relative to the current directory)' : 'check that it is a readable file, not a directory',
        fr: {
          message: why.fr,
          hint: missing ? 'vérifiez le chemin (relatif au répertoire courant)' : 'vérifiez qu’il s’agit d’un fichier lisible et non d’un répertoire',
        },
      });
      continue;
    }
    const parsed = parseDocument(file, text);
    if (isProblem(parsed)) problems.push(parsed);
    else documents.push(parsed);
  }
  return { documents, problems };
}
