/**
 * The network's own results (decision 0018): `network:all` names every response of a wave
 * pooled, whatever territory it was collected in, so that the national network reads and
 * publishes its figures as a territory does its own. It is a territory of results documents
 * only: no payload names it, and it lies inside nothing.
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import { allQuestions } from '@olva/runtime';
import type { GroupResults, TerritoryRef } from './results.js';

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

/** The ids of the common core's questions, in any of the versions given. */
export function coreQuestionIds(compiled: readonly CompiledQuestionnaire[]): Set<string> {
  return new Set(compiled.flatMap((c) => allQuestions(c).filter((q) => q.origin.kind === 'core').map((q) => q.id)));
}

/**
 * The network's group with the common core's questions only (decision 0018): a territorial
 * extension's questions are asked in one territory, so pooled they are that territory's figures,
 * which only it decides to publish; and they compare with nothing across the network. Removing
 * figures never gives one back: the rest is published as computed.
 */
export function networkCoreOnly(group: GroupResults, compiled: readonly CompiledQuestionnaire[]): GroupResults {
  const core = coreQuestionIds(compiled);
  const previous = group.comparisons?.previousWave;
  return {
    ...group,
    questions: group.questions.filter((q) => core.has(q.id)),
    ...(group.comparisons ? {
      comparisons: {
        ...group.comparisons,
        ...(previous ? { previousWave: { ...previous, shares: previous.shares.filter((s) => core.has(s.question)) } } : {}),
      },
    } : {}),
  };
}
