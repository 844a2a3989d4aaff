// The page's texts, French first, English second. `t(lang, key, vars)` fills {name} slots
// with text (never markup: the page sets every text with textContent).
export const TEXTS = {
  fr: {
    title: 'Suivi de la collecte — OLVA', brand: 'Suivi de la collecte OLVA', skip: 'Aller au contenu', views: 'Vues', otherLang: 'English',
    signInTitle: 'Se connecter', tokenLabel: 'Jeton d’accès', tokenHelp: 'Le jeton reste dans cet onglet (stockage de session) : il n’est jamais mis dans l’adresse ni dans un cookie. Fermez l’onglet ou déconnectez-vous pour l’oublier.',
    signIn: 'Se connecter', signOut: 'Se déconnecter', badToken: 'Ce jeton n’est pas reconnu. Vérifiez-le et réessayez.', needToken: 'Saisissez votre jeton d’accès.', rateLimited: 'Trop d’essais : réessayez dans une minute.',
    forbidden: 'Ce jeton ne donne pas accès à cette vue.', failed: 'La requête a échoué ({status}).', because: 'Le collecteur répond : {detail}.', loading: 'Chargement…',
    network: 'Réseau', territory: 'Territoire', duplicates: 'Doublons',
    networkTitle: 'Tous les territoires de la vague', wave: 'Vague', noWave: 'aucune réponse pour l’instant',
    colTerritory: 'Territoire', colResponses: 'Réponses', colTarget: 'Objectif', colProgress: 'Avancement', colLast: 'Dernière réponse', colPaper: 'Papier', colMissing: 'Secteurs à relancer',
    sortBy: 'Trier par {column}', none: '—', noneMissing: 'aucun', noTarget: 'non fixé', withoutResponse: 'sans réponse : {sectors}', noExpectedShort: '— (pas de répartition attendue)',
    responses: 'Réponses', target: 'Objectif', progress: 'Avancement', lastResponse: 'Dernière réponse', completion: 'Questionnaires terminés parmi les commencés',
    completionUnknown: 'inconnu', paper: 'Questionnaires papier saisis', paperEntry: 'Saisir un questionnaire papier pour ce territoire',
    daily: 'Réponses cumulées par jour', day: 'Jour', ofDay: 'Du jour', cumulative: 'Cumul',
    byChannel: 'Réponses par canal', channel: 'Canal', share: 'Part', bySource: 'Réponses par source', source: 'Source', noSource: '(sans source)',
    sectors: 'Secteurs principaux', sector: 'Secteur', expectedShare: 'Part attendue', gap: 'Écart (points)', missing: 'Réponses manquantes',
    sectorsChart: 'Part des réponses par secteur (barres pleines) et part attendue (cadres pointillés)', sectorsChartNoExpected: 'Part des réponses par secteur',
    chase: 'Secteurs à relancer en priorité', chaseNone: 'Aucun secteur n’est en retard sur l’ensemble du territoire.', chaseIntro: 'Les secteurs en retard sur l’ensemble du territoire, le plus en retard d’abord, avec les réponses qui leur manquent pour atteindre leur part de l’objectif :', chaseLine: '{sector} : {n} réponses manquantes', chaseNoExpected: 'Sans distribution attendue configurée, voici les secteurs sans aucune réponse :',
    expectedFrom: 'Distribution attendue : {source}.', noExpected: 'Aucune distribution attendue n’est configurée pour ce territoire : ajoutez-la avec « olva reference rna ».',
    web: 'En ligne', paperChannel: 'Papier', phone: 'Téléphone', kiosk: 'Borne', other: 'Autre', open: 'Ouvrir {name}',
    warningsTitle: 'Avertissements de cohérence confirmés', warningsNone: 'Aucune réponse n’a confirmé d’avertissement de cohérence.', warningsNote: '{n} réponses ont confirmé un avertissement : à vérifier en premier.', warningChecks: 'Avertissements',
    duplicatesTitle: 'Doublons probables', duplicatesNone: 'Aucun doublon probable.', group: 'Doublon probable {n}', reasonRna: 'même numéro RNA', reasonName: 'même nom dans la même commune',
    colName: 'Nom', colRna: 'RNA', colCommune: 'Commune', colReceived: 'Reçue le', colState: 'État', colActions: 'Actions',
    kept: 'gardée', excludedBy: 'écartée par {by} le {at}', keep: 'Garder celle-ci', keepLabel: 'Garder celle-ci : « {name} » reçue le {at} (les autres sont écartées)', restore: 'Rétablir', restoreLabel: 'Rétablir « {name} » reçue le {at}',
    see: 'Voir la réponse', seeLabel: 'Voir la réponse « {name} » reçue le {at}', hide: 'Masquer la réponse', hideLabel: 'Masquer la réponse « {name} » reçue le {at}',
    keptDone: 'Réponse gardée ; {n} réponse(s) écartée(s) des exports et des résultats.', restoredDone: 'Réponse rétablie dans les exports et les résultats.',
    resolved: '{n} groupe(s) résolu(s) sur {total}.', log: 'Journal des décisions', logAction: 'Action', logWho: 'Par', logWhen: 'Le', logResponse: 'Réponse', actionExclude: 'écartée', actionRestore: 'rétablie', logEmpty: 'Aucune décision pour l’instant.',
    allScope: 'tout mon périmètre', territoryPick: 'Territoire',
  },
  en: {
    title: 'Collection cockpit — OLVA', brand: 'OLVA collection cockpit', skip: 'Skip to content', views: 'Views', otherLang: 'Français',
    signInTitle: 'Sign in', tokenLabel: 'Access token', tokenHelp: 'The token stays in this tab (session storage): never in the address nor in a cookie. Close the tab or sign out to forget it.',
    signIn: 'Sign in', signOut: 'Sign out', badToken: 'This token is not recognised. Check it and try again.', needToken: 'Enter your access token.', rateLimited: 'Too many attempts: try again in a minute.',
    forbidden: 'This token gives no access to this view.', failed: 'The request failed ({status}).', because: 'The collector says: {detail}.', loading: 'Loading…',
    network: 'Network', territory: 'Territory', duplicates: 'Duplicates',
    networkTitle: 'Every territory of the wave', wave: 'Wave', noWave: 'no response yet',
    colTerritory: 'Territory', colResponses: 'Responses', colTarget: 'Target', colProgress: 'Progress', colLast: 'Last response', colPaper: 'Paper', colMissing: 'Sectors to chase',
    sortBy: 'Sort by {column}', none: '—', noneMissing: 'none', noTarget: 'not set', withoutResponse: 'no response: {sectors}', noExpectedShort: '— (no expected distribution)',
    responses: 'Responses', target: 'Target', progress: 'Progress', lastResponse: 'Last response', completion: 'Questionnaires completed among those started',
    completionUnknown: 'unknown', paper: 'Paper questionnaires keyed in', paperEntry: 'Key in a paper questionnaire for this territory',
    daily: 'Cumulative responses per day', day: 'Day', ofDay: 'That day', cumulative: 'Running total',
    byChannel: 'Responses by channel', channel: 'Channel', share: 'Share', bySource: 'Responses by source', source: 'Source', noSource: '(no source)',
    sectors: 'Main sectors', sector: 'Sector', expectedShare: 'Expected share', gap: 'Gap (points)', missing: 'Responses missing',
    sectorsChart: 'Share of responses by sector (solid bars) and expected share (dotted frames)', sectorsChartNoExpected: 'Share of responses by sector',
    chase: 'Sectors to chase first', chaseNone: 'No sector is behind the territory as a whole.', chaseIntro: 'The sectors behind the territory as a whole, furthest behind first, with the responses they lack to reach their share of the target:', chaseLine: '{sector}: {n} responses missing', chaseNoExpected: 'With no expected distribution configured, these sectors have no response at all:',
    expectedFrom: 'Expected distribution: {source}.', noExpected: 'No expected distribution is configured for this territory: add one with "olva reference rna".',
    web: 'Online', paperChannel: 'Paper', phone: 'Phone', kiosk: 'Kiosk', other: 'Other', open: 'Open {name}',
    warningsTitle: 'Confirmed coherence warnings', warningsNone: 'No response confirmed a coherence warning.', warningsNote: '{n} responses confirmed a warning: check them first.', warningChecks: 'Warnings',
    duplicatesTitle: 'Probable duplicates', duplicatesNone: 'No probable duplicate.', group: 'Probable duplicate {n}', reasonRna: 'same RNA number', reasonName: 'same name in the same municipality',
    colName: 'Name', colRna: 'RNA', colCommune: 'Municipality', colReceived: 'Received', colState: 'State', colActions: 'Actions',
    kept: 'kept', excludedBy: 'set aside by {by} on {at}', keep: 'Keep this one', keepLabel: 'Keep this one: "{name}" received on {at} (the others are set aside)', restore: 'Restore', restoreLabel: 'Restore the response "{name}" received on {at}',
    see: 'See the response', seeLabel: 'See the response "{name}" received on {at}', hide: 'Hide the response', hideLabel: 'Hide the response "{name}" received on {at}',
    keptDone: 'Response kept; {n} response(s) set aside from exports and results.', restoredDone: 'Response restored to exports and results.',
    resolved: '{n} group(s) resolved out of {total}.', log: 'Decision log', logAction: 'Action', logWho: 'By', logWhen: 'On', logResponse: 'Response', actionExclude: 'set aside', actionRestore: 'restored', logEmpty: 'No decision yet.',
    allScope: 'my whole scope', territoryPick: 'Territory',
  },
};

/** The text `key` in `lang`, its {slots} filled. */
export function t(lang, key, vars = {}) {
  const text = TEXTS[lang][key] ?? TEXTS.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}
