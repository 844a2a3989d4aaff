/**
 * The network's own results (decision 0018): `network:all` names every response of a wave
 * pooled, whatever territory it was collected in, so that the national network reads and
 * publishes its figures as a territory does its own. It is a territory of results documents
 * only: no payload names it, and it lies inside nothing.
 */
import type { TerritoryRef } from './results.js';

/** The network as results documents name it. */
export const NETWORK_TERRITORY: Readonly<TerritoryRef> = Object.freeze({ level: 'network', code: 'all' });

/** True when `t` is the network (`network:all`). */
export function isNetworkTerritory(t: { readonly level: string; readonly code: string }): boolean {
  return t.level === NETWORK_TERRITORY.level && t.code === NETWORK_TERRITORY.code;
}

/**
 * What readers call the network where a territory's name goes (« Ensemble du réseau »): the
 * network has no official name, and a document never carries `territoryName` for it.
 */
export const NETWORK_NAME: Readonly<{ fr: string; en: string }> = Object.freeze({ fr: 'Ensemble du réseau', en: 'Whole network' });
