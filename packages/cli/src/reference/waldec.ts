/**
 * The versioned mapping of the register's WALDEC themes to the core's main sectors
 * (`packages/cli/data/waldec-sectors.json`), read and checked against the core.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The mapping file. */
export interface WaldecMapping {
  version: string;
  core: { id: string; version: string; question: string };
  /** 3-digit parent theme → sector. */
  families: Record<string, { sector: string; label: string }>;
  /** 6-digit theme → sector (wins over its family). */
  codes: Record<string, { sector: string; label: string }>;
}

/** Where the mapping of the repository is. */
export const WALDEC_MAPPING_FILE = fileURLToPath(new URL('../../data/waldec-sectors.json', import.meta.url));

/** Reads a mapping file; throws with the file named when it is not one. */
export function loadWaldecMapping(file = WALDEC_MAPPING_FILE): WaldecMapping {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<WaldecMapping>;
  if (typeof raw.version !== 'string' || !raw.families || typeof raw.families !== 'object' || !raw.core) {
    throw new Error(`${file}: not a WALDEC mapping (version, core, families and codes are required)`);
  }
  return { version: raw.version, core: raw.core, families: raw.families, codes: raw.codes ?? {} };
}

/** The sector of a theme code (`011000`), or null when the mapping does not classify it. */
export function sectorOf(mapping: WaldecMapping, theme: string): string | null {
  const code = theme.trim();
  if (!/^\d{6}$/.test(code)) return null;
  return mapping.codes[code]?.sector ?? mapping.families[code.slice(0, 3)]?.sector ?? null;
}
