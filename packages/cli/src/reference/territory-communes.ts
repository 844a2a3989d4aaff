/**
 * The INSEE codes an address in a territory may carry: its current communes and municipal
 * arrondissements (the collector's TerritoryDirectory, from the official geography), plus
 * the delegated and associated communes whose chef-lieu is among them, since the register
 * keeps the code an association declared, often an older one.
 */
import { officialRows } from '@olva/compiler/geography';
import { TerritoryDirectory, type TerritoryRef } from '@olva/collector';

interface CommuneRow { code: string; type: string; chefLieu?: string }

/** The commune codes of `territory`; null when the territory is unknown. */
export function territoryCommunes(territory: TerritoryRef): Set<string> | null {
  const directory = new TerritoryDirectory();
  if (territory.level === 'custom' || !directory.exists(territory)) return null;
  const codes = new Set(directory.inside(territory).filter((t) => t.level === 'commune').map((t) => t.code));
  for (const c of officialRows<CommuneRow>('communes')) {
    if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu && codes.has(c.chefLieu)) codes.add(c.code);
  }
  return codes;
}
