/**
 * Reading a JSON file with the reason it fails in both languages: Node's "ENOENT: no such file
 * or directory, open …" and V8's "Unexpected token … is not valid JSON" are English only. For
 * the definitions (`load`), the command line's other files (`--build`, `--rules`, `--expected`,
 * a mapping, a core for `olva init`) and the reports' inputs.
 */
import fs from 'node:fs';
import { parseJson } from '@olva/schema';
import type { Bilingual } from './lint/rule.js';

/** Why a file could not be read, from Node's error code, in both languages. */
export function fileError(error: unknown): Bilingual {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return { fr: 'fichier introuvable', en: 'file not found' };
    case 'EISDIR': return { fr: 'c’est un dossier, pas un fichier', en: 'it is a directory, not a file' };
    case 'EACCES': case 'EPERM': return { fr: 'lecture refusée (droits du fichier)', en: 'permission denied' };
    case 'ENOTDIR': return { fr: 'un élément du chemin n’est pas un dossier', en: 'a part of the path is not a directory' };
    default: return { fr: `lecture impossible (${code ?? String(error)})`, en: `cannot read it (${code ?? String(error)})` };
  }
}

/**
 * The parsed content of the JSON file `file`, or why it has none, in both languages: the
 * missing file, or the JSON slip with its line and column; each reader words its own error.
 */
export function readJsonFile(file: string): { value: unknown } | { why: Bilingual } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { why: fileError(error) };
  }
  const parsed = parseJson(text);
  return 'error' in parsed ? { why: { fr: parsed.error.fr, en: parsed.error.en } } : parsed;
}
