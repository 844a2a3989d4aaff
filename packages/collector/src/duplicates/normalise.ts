/**
 * The keys duplicates are found by: an association's name folded so that spelling variants
 * meet (accents, case, punctuation, spacing, the "Association", "Asso" and "l'" a respondent
 * may or may not write), and its RNA number in one writing.
 */

/** Words that start a name without telling associations apart, stripped (repeatedly) from its start. */
const LEADING = /^(?:association|assoc|asso|ass|l|la|le|les)\s+/;

/**
 * The name as duplicates are compared: "Association L’Élan du Quartier !" and
 * "asso. l'elan du  quartier" both give "elan du quartier", and so does the register's
 * "ELAN DU QUARTIER (L')". Null for an empty name.
 */
export function nameKey(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  let s = name.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/&/g, ' et ')
    // The register postpones articles: "ELAN (L')", "AMIS DU RAIL (LES)".
    .replace(/\(\s*(?:l\s*['’]|la|le|les|association|asso)\s*\)\s*$/u, '')
    // Apostrophes and every punctuation become spaces: "l'élan" → "l elan", "a.s.c." → "a s c".
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  for (let previous = ''; previous !== s;) {
    previous = s;
    s = s.replace(LEADING, '');
  }
  // Initials written with dots ("a s c") meet the ones written without ("asc").
  s = s.replace(/\b(\p{L})\s(?=\p{L}\b)/gu, '$1');
  return s.length ? s : null;
}

/** An RNA number in upper case without spaces ("w 353 012 345" → "W353012345"); null when not one. */
export function rnaKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.replace(/\s+/g, '').toUpperCase();
  return /^W\d{9}$/.test(s) ? s : null;
}
