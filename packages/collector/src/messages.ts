/**
 * The collector's one message catalogue: every HTTP error message, every problem of a posted
 * response the collector words itself, and every configuration problem, in French and in
 * English. Routes and the configuration loader build a `Text` (both languages) with `text()`;
 * the language is chosen only when the reply is sent (`http/language.ts`: French unless the
 * request's `Accept-Language` prefers English) or when the CLI prints a problem.
 *
 * Keys are the stable codes clients read (`error`, a problem's `code`, a configuration
 * `rule`), followed by `.variant` when one code has several wordings; the codes themselves
 * never change with the language. `{name}` is a parameter: each entry has the same ones in
 * both languages (a test checks it). Schema problems are worded by `@olva/compiler`'s
 * `schemaProblemMessage` (see `schemaText`), the runtime's answer checks by the runtime.
 */
import type { SchemaProblem } from '@olva/schema/validate';
import { schemaProblemMessage } from '@olva/compiler/schema-messages';

/** A language of the collector's messages. */
export type Lang = 'fr' | 'en';

/** A message in both languages. */
export interface Text { fr: string; en: string }

/** A parameter value: a text the same in both languages, or a `Text` (a nested message). */
export type Param = string | number | Text;

export const MESSAGES = {
  // --- The request itself (body, URL, HTTP) ---------------------------------------------
  'unsupported-media-type': { fr: 'envoyez du JSON avec l’en-tête « Content-Type: application/json »', en: 'send JSON with "Content-Type: application/json"' },
  'unsupported-media-type.response': { fr: 'envoyez la réponse en JSON avec l’en-tête « Content-Type: application/json »', en: 'post the response as JSON with "Content-Type: application/json"' },
  'unsupported-encoding': { fr: 'Content-Encoding « {encoding} » n’est pas pris en charge : utilisez gzip, deflate, br ou aucun', en: 'Content-Encoding "{encoding}" is not supported: use gzip, deflate, br or none' },
  'malformed-json': { fr: 'le corps n’est pas du JSON valide', en: 'the body is not valid JSON' },
  'malformed-json.empty': { fr: 'le corps n’est pas du JSON valide (il est vide)', en: 'the body is not valid JSON (it is empty)' },
  'malformed-json.at': { fr: 'le corps n’est pas du JSON valide (au caractère {position})', en: 'the body is not valid JSON (at character {position})' },
  'malformed-json.depth': { fr: 'le corps imbrique des tableaux ou des objets sur plus de {max} niveaux', en: 'the body nests arrays or objects deeper than {max} levels' },
  'malformed-json.key': { fr: 'la clé en {pointer} n’est pas permise (__proto__, constructor et prototype sont refusées)', en: 'the key at {pointer} is not allowed (__proto__, constructor and prototype are refused)' },
  'invalid-character': { fr: 'le texte en {pointer} contient U+0000 ou une demi-paire de substitution isolée (\\u0000, \\ud800…\\udfff non appariées), ce qui n’est pas permis', en: 'the text at {pointer} holds U+0000 or a lone surrogate (\\u0000, \\ud800…\\udfff unpaired), which is not allowed' },
  'invalid-character.root': { fr: 'le texte à la racine contient U+0000 ou une demi-paire de substitution isolée (\\u0000, \\ud800…\\udfff non appariées), ce qui n’est pas permis', en: 'the text at the root holds U+0000 or a lone surrogate (\\u0000, \\ud800…\\udfff unpaired), which is not allowed' },
  'invalid-utf8': { fr: 'le corps n’est pas de l’UTF-8 valide : envoyez le JSON encodé en UTF-8', en: 'the body is not valid UTF-8: send the JSON encoded as UTF-8' },
  'malformed-encoding': { fr: 'le corps n’est pas valide pour son Content-Encoding', en: 'the body is not valid for its Content-Encoding' },
  'aborted': { fr: 'le corps de la requête n’a pas pu être lu', en: 'the request body could not be read' },
  'payload-too-large': { fr: 'le corps dépasse la limite', en: 'the body is larger than the limit' },
  'payload-too-large.body': { fr: 'le corps dépasse la limite de {limit} octets', en: 'the body is larger than the limit of {limit} bytes' },
  'payload-too-large.declared': { fr: 'le corps annoncé dépasse la limite de {limit} octets', en: 'the declared body is larger than the limit of {limit} bytes' },
  'payload-too-large.decompressed': { fr: 'le corps décompressé dépasse la limite de {limit} octets', en: 'the decompressed body is larger than the limit of {limit} bytes' },
  'bad-url': { fr: 'l’URL n’est pas de l’UTF-8 valide encodé en pourcentage', en: 'the URL is not valid percent-encoded UTF-8' },
  'bad-url.text': { fr: 'l’URL contient des octets qui ne sont pas de l’UTF-8, ou U+0000', en: 'the URL holds bytes that are not UTF-8, or U+0000' },
  'bad-request.content-length': { fr: 'l’en-tête Content-Length ne correspond pas au corps', en: 'the Content-Length header does not match the body' },
  'uri-too-long.segment': { fr: 'adresse trop longue : un segment du chemin dépasse {max} caractères', en: 'URL too long: a path segment is longer than {max} characters' },
  'forbidden.file': { fr: 'ce fichier n’est pas servi (fichier caché, ou chemin qui sort de son dossier)', en: 'this file is not served (a hidden file, or a path leading out of its folder)' },
  'precondition-failed': { fr: 'la condition de la requête (If-Match, If-Unmodified-Since) n’est pas remplie', en: 'the request\'s condition (If-Match, If-Unmodified-Since) is not met' },
  'range-not-satisfiable': { fr: 'la plage demandée (Range) ne tient pas dans le fichier', en: 'the range asked (Range) does not fit the file' },
  'refused.status': { fr: 'requête refusée (statut HTTP {status})', en: 'request refused (HTTP status {status})' },
  'bad-request.preflight': { fr: 'une requête préalable CORS (OPTIONS) doit annoncer sa méthode dans l’en-tête Access-Control-Request-Method', en: 'a CORS preflight (OPTIONS) must announce its method in the Access-Control-Request-Method header' },
  'bad-request.http': { fr: 'la requête n’est pas du HTTP/1.1 valide', en: 'the request is not valid HTTP/1.1' },
  'bad-request.framework': { fr: 'requête refusée : {detail}', en: '{detail}' },
  'request-timeout': { fr: 'la requête a mis trop de temps à arriver', en: 'the request took too long to arrive' },
  'headers-too-large': { fr: 'les en-têtes de la requête sont trop grands', en: 'the request headers are too large' },
  'not-found.route': { fr: 'aucune route {method} {path}', en: 'no route {method} {path}' },
  'method-not-allowed': { fr: '{method} n’est pas permis sur {path} ; utilisez {allow}', en: '{method} is not allowed on {path}; use {allow}' },
  'internal': { fr: 'erreur interne ; réessayez plus tard', en: 'internal error; retry later' },
  'exports-busy': { fr: 'trop d’exports ou de calculs sur l’ensemble des réponses sont en cours (au plus {limit} à la fois) ; réessayez dans {seconds} s', en: 'too many exports or computations over all responses are running (at most {limit} at once); retry in {seconds} s' },
  'unavailable': { fr: 'la base des réponses est injoignable', en: 'the response store is unreachable' },

  // --- Tokens and rights -----------------------------------------------------------------
  'unauthorized.no-header': { fr: 'cette requête demande un en-tête « Authorization: Bearer <jeton> »', en: 'this request needs an "Authorization: Bearer <token>" header' },
  'unauthorized.unknown-token': { fr: 'jeton inconnu', en: 'unknown token' },
  'unauthorized.required': { fr: 'un jeton (bearer) est nécessaire', en: 'a bearer token is required' },
  'forbidden.right': { fr: 'le jeton « {token} » n’a pas le droit « {right} »', en: 'token "{token}" does not have the "{right}" right' },
  'forbidden.scope': { fr: 'le jeton « {token} » ne couvre pas {territories}', en: 'token "{token}" does not cover {territories}' },
  'forbidden.network-results': { fr: 'les résultats du réseau (network:all) réunissent les réponses de tous les territoires : seul un jeton de portée « all » les lit, pas « {token} »', en: 'the network\'s results (network:all) pool the responses of every territory: only a token of scope "all" reads them, not "{token}"' },
  'forbidden.publish-network': { fr: 'publier les résultats du réseau (network:all) est la décision du réseau national : seul un jeton de portée « all » avec le droit « publish » le fait, pas « {token} »', en: 'publishing the network\'s results (network:all) is the national network\'s decision: only a token of scope "all" with the "publish" right does it, not "{token}"' },
  'forbidden.publish-own': { fr: 'le jeton « {token} » ne peut publier que les résultats de son propre territoire, pas ceux de {territory}', en: 'token "{token}" may only publish its own territory\'s results, not {territory}' },
  'rate-limited.tokens': { fr: 'trop de jetons erronés depuis cette adresse ; réessayez dans {seconds} s', en: 'too many wrong tokens from this address; retry in {seconds} s' },
  'rate-limited.responses': { fr: 'trop de réponses depuis cette adresse ; réessayez dans {seconds} s', en: 'too many responses from this address; retry in {seconds} s' },

  // --- Posting a response ----------------------------------------------------------------
  'invalid-response.one': { fr: 'la réponse a 1 problème', en: 'the response has 1 problem' },
  'invalid-response.many': { fr: 'la réponse a {count} problèmes', en: 'the response has {count} problems' },
  'invalid-response.truncated': { fr: 'la réponse a {count} problèmes (les {max} premiers sont listés)', en: 'the response has {count} problems (the first {max} are listed)' },
  'origin-not-allowed': { fr: 'les pages de {origin} ne peuvent pas envoyer de réponses pour {level} {code}', en: 'pages on {origin} may not post responses for {level} {code}' },
  'origin-not-allowed.unlisted': { fr: 'ce site ({origin}) n’est pas autorisé à envoyer des réponses à ce collecteur : son administrateur doit ajouter cette origine aux « origins » de sa configuration', en: 'this site ({origin}) may not send responses to this collector: its operator must add this origin to the "origins" of its configuration' },
  'conflict.submission': { fr: 'le submissionId {id} a déjà servi pour une autre réponse', en: 'submissionId {id} was already used by a different response' },
  'erased': { fr: 'la réponse {id} a été effacée (sur demande ou au terme de sa durée de conservation) et n’est pas enregistrée à nouveau', en: 'the response {id} was erased (on request or at the end of its retention period) and is not stored again' },
  'future-time': { fr: '{field} {value} est en avance de plus d’un jour sur l’horloge du collecteur ({now})', en: '{field} {value} is more than a day ahead of the collector\'s clock ({now})' },
  'submitted-before-start': { fr: 'submittedAt {submitted} est antérieur à startedAt {started}', en: 'submittedAt {submitted} is before startedAt {started}' },
  'unknown-questionnaire': { fr: '{version} n’est pas accepté par ce collecteur (acceptés : {accepted})', en: '{version} is not accepted by this collector (accepted: {accepted})' },
  'unknown-questionnaire.none': { fr: 'aucun', en: 'none' },
  'unknown-questionnaire.with-extension': { fr: '{questionnaire} avec l’extension {extension}', en: '{questionnaire} with extension {extension}' },
  'unknown-questionnaire.without-extension': { fr: '{questionnaire} sans extension', en: '{questionnaire} without extension' },
  'unknown-territory': { fr: '« {code} » n’est pas un code officiel de niveau {level}', en: '"{code}" is not an official {level} code' },
  'unknown-territory.custom': { fr: '« {code} » n’est ni un code officiel de niveau {level} ni un territoire personnalisé déclaré', en: '"{code}" is not an official {level} code nor a declared custom territory' },
  'territory-mismatch.inside': { fr: 'l’extension {extension} est pour {level} {code} ({name}) et ses réponses portent ce territoire : {answeredLevel} {answeredCode} en fait partie, mais y répond sous {level}:{code} (attribut territory de la page), ou avec le tronc commun seul sous {answeredLevel}:{answeredCode}', en: 'the extension {extension} is for {level} {code} ({name}) and its responses carry that territory: {answeredLevel} {answeredCode} is in it, but answers it as {level}:{code} (the page\'s territory attribute), or the bare core as {answeredLevel}:{answeredCode}' },
  'territory-mismatch': { fr: 'l’extension {extension} est pour {level} {code} ({name}) ; {answeredLevel} {answeredCode} n’en fait pas partie', en: 'the extension {extension} is for {level} {code} ({name}); {answeredLevel} {answeredCode} is not in it' },
  'wave-version': { fr: 'la vague « {wave} » accepte les versions {range} du tronc commun ; cette réponse a été donnée avec {questionnaire} {version}', en: 'wave "{wave}" accepts core versions {range}; this response was answered with {questionnaire} {version}' },
  'wave-closed': { fr: 'la collecte de la vague « {wave} » est close (clôture : {closes}) : les réponses en ligne (web, borne) ne sont plus acceptées ; la saisie des questionnaires papier et téléphone reste ouverte', en: 'the collection of wave "{wave}" is closed (closing date: {closes}): online answers (web, kiosk) are no longer accepted; paper and phone entries still are' },
  'unknown-commune': { fr: '« {question} » : {code} n’est pas le code INSEE d’une commune actuelle.', en: '"{question}": {code} is not the INSEE code of a current commune.' },
  'unknown-commune.postcode': { fr: '« {question} » : {code} n’est pas le code INSEE d’une commune actuelle ; c’est un code postal ({communes}).', en: '"{question}": {code} is not the INSEE code of a current commune; it is a postcode ({communes}).' },
  'unknown-commune.named': { fr: '{name} : {code}', en: '{name}: {code}' },
  'unknown-commune.part-of': { fr: '« {question} » : {code} n’est pas le code INSEE d’une commune actuelle ; {part} fait partie de {name}, dont le code est {commune}.', en: '"{question}": {code} is not the INSEE code of a current commune; {part} is part of {name}, whose code is {commune}.' },

  // --- Reading: queries, exports, results, cockpit ----------------------------------------
  'bad-query.limit': { fr: 'limit doit être un nombre entier de 1 à {max}', en: 'limit must be a whole number from 1 to {max}' },
  'bad-query.after': { fr: 'donnez un seul curseur after', en: 'give one after cursor' },
  'bad-query.cursor': { fr: 'curseur invalide : renvoyez telle quelle la valeur « next » de la page précédente', en: 'invalid cursor: pass back the "next" value of the previous page unchanged' },
  'bad-query.version-pair': { fr: 'donnez questionnaire et version ensemble (l’identifiant et la version du tronc commun, par ex. questionnaire=olva-core&version=2026.1.0), ou aucun des deux', en: 'give questionnaire and version together (the core\'s id and version, e.g. questionnaire=olva-core&version=2026.1.0), or neither' },
  'bad-query.semver': { fr: 'version « {value} » n’est pas une version semver (par ex. 2026.1.0)', en: 'version "{value}" is not a semver version (e.g. 2026.1.0)' },
  'bad-query.one-q': { fr: 'donnez un seul paramètre q', en: 'give one q parameter' },
  'bad-query.q-required': { fr: 'q est obligatoire : un nom de commune, un code postal ou un code INSEE', en: 'q is required: a commune name, a postcode or an INSEE code' },
  'bad-query.q-length': { fr: 'q doit avoir au plus {max} caractères', en: 'q must have at most {max} characters' },
  'bad-query.q-control': { fr: 'q ne doit pas contenir de caractères de contrôle', en: 'q must not contain control characters' },
  'not-found.commune': { fr: 'aucune commune actuelle n’a le code INSEE {code}', en: 'no current commune has the INSEE code {code}' },
  'not-found.response': { fr: 'aucune réponse {id} dans les territoires de ce jeton', en: 'no response {id} within this token\'s territories' },
  'bad-request.too-many': { fr: 'donnez au plus {max} valeurs de {name} ({count} données)', en: 'give at most {max} {name} values ({count} given)' },
  'bad-request.one-id': { fr: 'donnez un seul identifiant {name}', en: 'give one {name} id' },
  'bad-request.build-name': { fr: '« {value} » est le nom d’un build (tronc commun + extension) ; questionnaire prend l’identifiant du tronc commun, « {questionnaire} », dont les réponses comprennent celles de l’extension {extension}', en: '"{value}" is the name of a build (core + extension); questionnaire takes the core\'s id, "{questionnaire}", whose responses include those of the extension {extension}' },
  'bad-request.id-pattern': { fr: '{name} « {value} » doit respecter {pattern}', en: '{name} "{value}" must match {pattern}' },
  'bad-request.questionnaire-required': { fr: 'le paramètre questionnaire est obligatoire, par ex. ?questionnaire=olva-core', en: 'the questionnaire parameter is required, e.g. ?questionnaire=olva-core' },
  'bad-request.wave-pattern': { fr: 'la vague « {value} » doit respecter {pattern}', en: 'wave "{value}" must match {pattern}' },
  'bad-request.territory-syntax': { fr: 'le territoire « {value} » doit s’écrire niveau:code, le niveau étant l’un de {levels}', en: 'territory "{value}" must be written level:code with level one of {levels}' },
  'bad-request.network-results-only': { fr: 'network:all désigne les résultats du réseau entier, et seules les routes de résultats le lisent (GET /v1/results, …/publication, /v1/public/results) : ici, nommez des territoires qui collectent (niveau:code), ou aucun pour toute la portée du jeton', en: 'network:all names the whole network\'s results, and only the results routes read it (GET /v1/results, …/publication, /v1/public/results): here, name territories that collect (level:code), or none for the token\'s whole scope' },
  'bad-request.network-code': { fr: '« {value} » : le niveau network n’a qu’un code, network:all (les résultats du réseau entier)', en: '"{value}": level network has one code only, network:all (the whole network\'s results)' },
  'bad-request.network-alone': { fr: 'network:all se demande seul : il réunit déjà toutes les réponses de tous les territoires', en: 'network:all is asked alone: it already pools every response of every territory' },
  'bad-request.network-one-wave': { fr: 'les résultats du réseau (network:all) se lisent pour une vague : donnez wave=<vague>', en: 'the network\'s results (network:all) are read for one wave: give wave=<wave>' },
  'bad-request.network-of-network': { fr: 'les résultats du réseau (network:all) n’ont pas de comparaison au réseau : rien n’est hors de lui (network=none, ou rien)', en: 'the network\'s results (network:all) have no network comparison: nothing lies outside it (network=none, or nothing)' },
  'bad-request.network-no-expected': { fr: 'weight=sector redresse sur la répartition attendue par secteur d’un territoire qui collecte (stats.expected), et l’ensemble du réseau (network:all) n’en a pas : demandez weight=none, ou redressez territoire par territoire', en: 'weight=sector weights on the expected distribution by sector of a territory that collects (stats.expected), and the whole network (network:all) has none: ask for weight=none, or weight territory by territory' },
  'bad-request.missing': { fr: 'missing doit valoir « empty » (par défaut) ou « codes » (-7 non posée, -8 laissée vide, -9 absente de la version répondue)', en: 'missing must be "empty" (the default) or "codes" (-7 not asked, -8 left blank, -9 not in the version answered)' },
  'bad-request.harmonise': { fr: 'harmonise doit valoir « true » (un seul jeu de colonnes pour toutes les versions du tronc, par leurs correspondances) ou « false » (par défaut)', en: 'harmonise must be "true" (one column set across core versions, through their crosswalks) or "false" (the default)' },
  'not-found.questionnaire': { fr: 'aucune version du questionnaire « {questionnaire} » n’est connue de ce collecteur', en: 'no version of questionnaire "{questionnaire}" is known to this collector' },
  'bad-request.results-path': { fr: 'donnez un territoire (niveau:code) et une vague dans le chemin', en: 'give one territory (level:code) and one wave in the path' },
  'not-found.nothing-to-publish': { fr: 'aucune réponse au questionnaire « {questionnaire} » pour {territory} dans la vague « {wave} » : rien à publier', en: 'no responses to questionnaire "{questionnaire}" for {territory} in wave "{wave}": nothing to publish' },
  'not-found.not-published': { fr: 'les résultats de {territory} pour la vague « {wave} » ne sont pas publiés', en: 'the results of {territory} for wave "{wave}" are not published' },
  'not-found.no-published': { fr: 'aucun résultat publié pour {territory} dans la vague « {wave} »', en: 'no published results for {territory} in wave "{wave}"' },
  'analysis-failed': { fr: 'le calcul des résultats a échoué : {detail}', en: '{detail}' },
  'bad-request.one-wave': { fr: 'donnez une seule vague', en: 'give one wave' },
  'bad-request.one-territory': { fr: 'donnez un seul territoire, écrit niveau:code (par ex. territory=commune:35238)', en: 'give one territory, written level:code (e.g. territory=commune:35238)' },
  'bad-request.exclude-body': { fr: 'envoyez {"exclude": "<submissionId>", "keep": "<submissionId>"} en JSON', en: 'send {"exclude": "<submissionId>", "keep": "<submissionId>"} as JSON' },
  'bad-request.restore-body': { fr: 'envoyez {"submissionId": "<submissionId>"} en JSON', en: 'send {"submissionId": "<submissionId>"} as JSON' },
  'bad-request.keep-itself': { fr: 'une réponse ne peut pas être gardée à sa propre place', en: 'a response cannot be kept in its own place' },
  'not-found.in-scope': { fr: 'aucune réponse {id} dans le périmètre du jeton « {token} »', en: 'no response {id} in the scope of token "{token}"' },
  'not-found.erased-decision': { fr: 'la réponse {id} a été effacée (sur demande ou au terme de sa durée de conservation) : elle ne peut plus être écartée, gardée ni rétablie', en: 'response {id} was erased (on request or at the end of its retention period): it can no longer be set aside, kept or restored' },
  'not-found.not-set-aside': { fr: 'la réponse {id} n’est pas écartée dans le périmètre du jeton « {token} »', en: 'response {id} is not set aside in the scope of token "{token}"' },
  'conflict.nested-publication': { fr: 'publier {territory} pour la vague « {wave} » à côté de {other}, déjà publié, ferait lire par différence, dans le reste de {outer}, {what} : retirez l’une des deux publications, ou attendez d’autres réponses', en: 'publishing {territory} for wave "{wave}" beside {other}, already published, would let {what} be read by difference in the rest of {outer}: withdraw one of the two, or wait for more responses' },
  'conflict.nested-three': { fr: 'publier {territory} pour la vague « {wave} » à côté de {first} et de {second}, déjà publiés, ferait lire par différence, dans le reste de {outer}, {what} : retirez l’une des publications, ou attendez d’autres réponses', en: 'publishing {territory} for wave "{wave}" beside {first} and {second}, already published, would let {what} be read by difference in the rest of {outer}: withdraw one of the publications, or wait for more responses' },
  'conflict.nested-family': { fr: 'publier {territory} pour la vague « {wave} » à côté de {others}, déjà publiés, ferait lire par différence, dans le reste de {outer}, {what} : retirez l’une des publications, ou attendez d’autres réponses', en: 'publishing {territory} for wave "{wave}" beside {others}, already published, would let {what} be read by difference in the rest of {outer}: withdraw one of the publications, or wait for more responses' },
  'conflict.earlier-snapshot': { fr: 'publier {territory} pour la vague « {wave} » ferait lire par différence avec son document publié le {at} (remplacé ou retiré depuis, il a été public), dans les réponses arrivées, écartées ou effacées entre les deux, {what} : gardez la publication d’alors, ou attendez qu’au moins {minBase} réponses diffèrent', en: 'publishing {territory} for wave "{wave}" would let {what} be read by difference with its document published on {at} (replaced or withdrawn since, it has been public), among the responses that came in, were set aside or erased in between: keep the publication as it was, or wait until at least {minBase} responses differ' },
  'conflict.publications-moving': { fr: 'les publications de la vague « {wave} » changent sans cesse en ce moment : réessayez dans un instant', en: 'the publications of wave "{wave}" keep changing right now: try again in a moment' },
  'nested.and': { fr: '{list} et {last}', en: '{list} and {last}' },
  'nested.responses': { fr: 'un groupe de {count} réponses (moins de {minBase})', en: 'a group of {count} responses (fewer than {minBase})' },
  'nested.base': { fr: 'une base de {count} répondants à « {question} » (moins de {minBase})', en: 'a base of {count} respondents to "{question}" (fewer than {minBase})' },
  'nested.bounds': { fr: 'un effectif masqué de « {question} », que les effectifs montrés de l’autre bornent à une seule valeur', en: 'a hidden count of "{question}", which the counts the other shows bound to a single value' },
  'nested.bounds-family': { fr: 'un effectif masqué de « {question} », que les effectifs montrés des autres publications bornent à une seule valeur', en: 'a hidden count of "{question}", which the counts the other publications show bound to a single value' },
  'nested.in-wave': { fr: 'dans la vague « {wave} », {what}', en: 'in wave "{wave}", {what}' },
  'nested.count': { fr: 'un effectif de {count} pour « {question} » = {code} (moins de {minCell})', en: 'a count of {count} for "{question}" = {code} (fewer than {minCell})' },
  'conflict.keep-set-aside': { fr: 'la réponse {id} est elle-même écartée : rétablissez-la d’abord', en: 'response {id} is itself set aside: restore it first' },
  'conflict.already-set-aside': { fr: 'la réponse {id} est déjà écartée', en: 'response {id} is already set aside' },
  'bad-request.comparison-once': { fr: 'le paramètre {name} se donne une seule fois', en: 'the parameter {name} is given once' },
  'bad-request.comparison-value': { fr: '{name} vaut {values}, reçu « {value} »', en: '{name} takes {values}, got "{value}"' },
  'bad-request.comparison-wave': { fr: 'la comparaison {name} se fait pour une seule vague : donnez wave=<vague>', en: 'the comparison {name} is made for one wave: give wave=<wave>' },
  'bad-request.previous-same': { fr: 'previousWave doit être une autre vague que la vague comparée « {wave} »', en: 'previousWave must be another wave than the wave compared, "{wave}"' },
  'forbidden.network': { fr: 'la comparaison au réseau réunit les autres territoires de la vague : elle n’est faite que pour un jeton qui couvre tous les territoires, pas pour « {token} » (network=none pour s’en passer)', en: 'the network comparison pools the other territories of the wave: it is made only for a token covering every territory, not for "{token}" (network=none to leave it out)' },
  'bad-request.publication-body': { fr: 'les comparaisons se donnent dans la requête, pas dans un corps : …/publication?previousWave=2025&references=none', en: 'comparisons are given in the query, not in a body: …/publication?previousWave=2025&references=none' },
  'bad-request.no-expected': { fr: 'weight=sector redresse sur la répartition attendue par secteur, et la configuration n’en a pas pour {groups} : déclarez-la dans la section stats.expected de la configuration du collecteur (territoire, vague ou toutes les vagues, secteurs), ou demandez weight=none', en: 'weight=sector weights on the expected distribution by sector, and the configuration has none for {groups}: declare it in the collector configuration\'s stats.expected section (territory, wave or every wave, sectors), or ask for weight=none' },

  // --- The configuration (olva.config.json, environment, builds) --------------------------
  'config.not-object': { fr: 'doit être un objet JSON', en: 'must be a JSON object' },
  'network-scope': { fr: 'le jeton « {name} » nomme network:all dans sa portée : ce n’est pas un territoire qui collecte, il ne désigne que les résultats du réseau entier, que lit un jeton de portée « all » (et que publie un jeton de portée « all » avec le droit publish) : écrivez "territories": "all"', en: 'token "{name}" names network:all in its scope: it is no territory that collects, it names only the whole network\'s results, which a token of scope "all" reads (and publishes, with the publish right): write "territories": "all"' },
  'config.token-one-of': { fr: 'donnez exactement un de « sha256 » (l’empreinte du jeton) ou « token » (en clair, démonstrations seulement)', en: 'give exactly one of "sha256" (the hash of the token) or "token" (in clear, demos only)' },
  'integer': { fr: 'doit être un nombre entier, reçu « {value} »', en: 'must be a whole number, got "{value}"' },
  'json.tokens': { fr: 'doit être un tableau JSON d’entrées de jetons : {detail}', en: 'must be a JSON array of token entries: {detail}' },
  'readable': { fr: 'impossible de lire le fichier de configuration : {detail}', en: 'cannot read the configuration file: {detail}' },
  'readable.missing': { fr: 'pas de fichier de configuration {path} : donnez-le avec --config <fichier> (exemple : examples/demo/olva.config.json ; référence : packages/collector/README.md)', en: 'no configuration file {path}: give it with --config <file> (example: examples/demo/olva.config.json; reference: packages/collector/README.md)' },
  'json': { fr: 'pas du JSON valide : {detail}', en: 'not valid JSON: {detail}' },
  'unique-token-name': { fr: 'le nom de jeton « {name} » est utilisé deux fois', en: 'token name "{name}" is used twice' },
  'unique-token': { fr: 'le jeton « {name} » a le même secret qu’un autre jeton', en: 'token "{name}" has the same secret as another token' },
  'personal-right-alone': { fr: 'le jeton « {name} » a le droit « export-personal » sans « export » ni « read » : ajoutez l’un des deux (seul, ce droit ne donne accès à rien)', en: 'token "{name}" has the right "export-personal" without "export" or "read": add one of them (alone, this right gives access to nothing)' },
  'unique-territory': { fr: 'le territoire personnalisé « {code} » est déclaré deux fois', en: 'custom territory "{code}" is declared twice' },
  'trust-proxy': { fr: '« {value} » : des adresses IP ou plages CIDR séparées par des virgules (ou loopback, linklocal, uniquelocal), celles du proxy inverse : {detail}', en: '"{value}": comma-separated IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal), the reverse proxy\'s: {detail}' },
  'database-open.missing': { fr: 'aucune base à {url} : vérifiez le chemin (une commande qui lit ne crée pas de base ; celle de la démo, .olva-data/demo.sqlite, naît au premier npm start)', en: 'no database at {url}: check the path (a command that reads does not create one; the demo\'s, .olva-data/demo.sqlite, is made by the first npm start)' },
  'database-open.cantopen': { fr: 'la base {url} ne s’ouvre pas : le dossier qui doit la contenir manque, ou c’est un dossier, ou ses droits l’interdisent', en: 'database {url} cannot be opened: the folder that should hold it is missing, or it is a folder, or its permissions forbid it' },
  'database-open.notadb': { fr: '{url} n’est pas une base SQLite', en: '{url} is not an SQLite database' },
  'database-open.corrupt': { fr: 'la base {url} est abîmée (SQLite la dit corrompue) : repartez de la dernière copie d’olva backup', en: 'database {url} is damaged (SQLite says it is corrupt): start again from the last copy of olva backup' },
  'database-open.busy': { fr: 'la base {url} est verrouillée par un autre programme', en: 'database {url} is locked by another program' },
  'database-open.refused': { fr: 'PostgreSQL ne répond pas à {url} (serveur arrêté, ou hôte ou port erronés)', en: 'PostgreSQL does not answer at {url} (server stopped, or wrong host or port)' },
  'database-open.host': { fr: 'l’hôte de {url} est inconnu', en: 'the host of {url} is unknown' },
  'database-open.auth': { fr: 'PostgreSQL refuse l’utilisateur ou le mot de passe de {url}', en: 'PostgreSQL refuses the user or password of {url}' },
  'database-open.no-database': { fr: 'la base nommée dans {url} n’existe pas sur ce serveur PostgreSQL (createdb)', en: 'the database named in {url} does not exist on this PostgreSQL server (createdb)' },
  'database-url': { fr: '« {url} » : ni sqlite:<chemin> ni postgres://… (olva ne connaît que SQLite et PostgreSQL)', en: '"{url}": neither sqlite:<path> nor postgres://… (olva knows only SQLite and PostgreSQL)' },
  'unique-target': { fr: 'un objectif pour {territory} est déjà donné', en: 'a target for {territory} is already given' },
  'unique-target.wave': { fr: 'un objectif pour {territory} et la vague {wave} est déjà donné', en: 'a target for {territory} and wave {wave} is already given' },
  'unique-wave': { fr: 'la vague « {wave} » est déclarée deux fois', en: 'wave "{wave}" is declared twice' },
  'semver-range': { fr: '« {range} » n’est pas un intervalle semver de versions du tronc commun (par ex. « ^2026.1.0 » ou « >=2026.1.0 <2027.0.0 »)', en: '"{range}" is not a semver range of core versions (e.g. "^2026.1.0" or ">=2026.1.0 <2027.0.0")' },
  'closing-date': { fr: '« {value} » n’est pas une date RFC 3339 : une date (« 2027-06-30 », les réponses en ligne sont prises jusqu’à la fin de ce jour, heure de Paris) ou une date et heure avec son décalage (« 2027-06-30T18:00:00+02:00 »)', en: '"{value}" is not an RFC 3339 date: a date ("2027-06-30", online answers are taken until the end of that day, Paris time) or a date-time with its offset ("2027-06-30T18:00:00+02:00")' },
  'build-readable': { fr: '{file} ne peut pas être lu : {detail}', en: '{file} cannot be read: {detail}' },
  'build-readable.missing': { fr: '{file} n’existe pas : lancez d’abord `olva build` (ou `npm run build`)', en: '{file} does not exist: run `olva build` (or `npm run build`) first' },
  'build-format': { fr: '{file} n’est pas un questionnaire compilé de cette version d’olva (kind « olva-compiled-questionnaire », formatVersion {format}) : relancez `olva build`', en: '{file} is not a compiled questionnaire of this version of olva (kind "olva-compiled-questionnaire", formatVersion {format}): run `olva build` again' },
  'unique-build': { fr: '{version} est déjà accepté par /questionnaires/{index}', en: '{version} is already accepted by /questionnaires/{index}' },
  'build-schema': { fr: '{file} n’est pas un schéma JSON utilisable : {detail}', en: '{file} is not a usable JSON Schema: {detail}' },
  'warning.build-recoded': { fr: 'le build {build} ({versions}) ne lit plus comme avant les réponses déjà reçues pour ces versions : questions {questions} ajoutées, retirées, retypées ou recodées depuis que le collecteur les a gardées ; ces réponses seraient lues avec les nouveaux codes. Donnez une nouvelle version à la définition (olva diff dit laquelle) et reconstruisez [build-recoded]', en: 'build {build} ({versions}) no longer reads the answers already received for these versions: questions {questions} added, removed, retyped or recoded since the collector kept them; those answers would be read with the new codes. Give the definition a new version (olva diff says which) and build again [build-recoded]' },
  'warning.build-recoded-one': { fr: 'le build {build} ({versions}) ne lit plus comme avant les réponses déjà reçues pour ces versions : question {questions} ajoutée, retirée, retypée ou recodée depuis que le collecteur les a gardées ; ces réponses seraient lues avec les nouveaux codes. Donnez une nouvelle version à la définition (olva diff dit laquelle) et reconstruisez [build-recoded]', en: 'build {build} ({versions}) no longer reads the answers already received for these versions: question {questions} added, removed, retyped or recoded since the collector kept them; those answers would be read with the new codes. Give the definition a new version (olva diff says which) and build again [build-recoded]' },
  'warning.build-reworded': { fr: 'le build {build} ({versions}) reformule les questions {questions} sans changer de version : les réponses déjà reçues s’afficheraient sous les nouveaux libellés. Montez la version de la définition (un correctif suffit) et reconstruisez [build-reworded]', en: 'build {build} ({versions}) rewords questions {questions} without a new version: the answers already received would show under the new wording. Raise the definition\'s version (a PATCH will do) and build again [build-reworded]' },
  'warning.build-reworded-one': { fr: 'le build {build} ({versions}) reformule la question {questions} sans changer de version : les réponses déjà reçues s’afficheraient sous les nouveaux libellés. Montez la version de la définition (un correctif suffit) et reconstruisez [build-reworded]', en: 'build {build} ({versions}) rewords question {questions} without a new version: the answers already received would show under the new wording. Raise the definition\'s version (a PATCH will do) and build again [build-reworded]' },
  'warning.wave-without-build': { fr: '{file}#/waves/{index}/core : la vague « {wave} » n’accepte aucune des versions du tronc commun des questionnaires acceptés ({range} ; acceptées : {versions}) : toutes ses réponses seraient refusées ; corrigez l’intervalle ou ajoutez le build de cette version à « questionnaires » [wave-without-build]', en: '{file}#/waves/{index}/core: wave "{wave}" accepts none of the core versions of the accepted questionnaires ({range}; accepted: {versions}): every answer to it would be refused; correct the range or add the build of that version to "questionnaires" [wave-without-build]' },
  'warning.expected-sector': { fr: '{file}#/stats/expected/{index}/sectors/{code} : « {code} » n’est pas un secteur de la vague « {wave} » (versions {versions} : {choices}) : ces associations ne se comparent à aucune réponse et le suivi demanderait de les relancer ; répartissez-les entre les secteurs de cette version dans une répartition attendue de la vague [expected-sector]', en: '{file}#/stats/expected/{index}/sectors/{code}: "{code}" is not a sector of wave "{wave}" (versions {versions}: {choices}): those associations compare with no response and the cockpit would ask to chase them; share them among this version\'s sectors in an expected distribution for the wave [expected-sector]' },
  'warning.clear-token': { fr: 'le jeton « {name} » est écrit en clair dans {file} : gardez les jetons en clair pour les démonstrations ; en production, enregistrez son SHA-256 dans « sha256 »', en: 'token "{name}" is written in clear in {file}: keep clear tokens for demos; store its SHA-256 as "sha256" in production' },
} as const satisfies Record<string, Text>;

/** A key of the catalogue. */
export type MessageKey = keyof typeof MESSAGES;

/** The `{name}` parameters of a template, as a union of names. */
type Slots<S extends string> = S extends `${string}{${infer P}}${infer R}` ? (P extends `${string}"${string}` ? Slots<R> : P | Slots<R>) : never;

/** The parameters an entry takes (none: no argument). */
export type ParamsOf<K extends MessageKey> = [Slots<(typeof MESSAGES)[K]['en']>] extends [never] ? [] : [Record<Slots<(typeof MESSAGES)[K]['en']>, Param>];

const SLOT = /\{([A-Za-z]+)\}/g;

/** True for a value that is a `Text`. */
export function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && typeof (value as Text).fr === 'string' && typeof (value as Text).en === 'string';
}

function fill(template: string, lang: Lang, params: Record<string, Param>): string {
  return template.replace(SLOT, (slot, name: string) => {
    const value = params[name];
    if (value === undefined) return slot;
    return isText(value) ? value[lang] : String(value);
  });
}

/** The message `key` with its parameters filled in, in both languages. */
export function text<K extends MessageKey>(key: K, ...params: ParamsOf<K>): Text {
  const entry: Text = MESSAGES[key];
  const values: Record<string, Param> = params[0] ?? {};
  return { fr: fill(entry.fr, 'fr', values), en: fill(entry.en, 'en', values) };
}

/** Texts joined with `separator` in each language (lists inside a message). */
export function joinTexts(texts: readonly Param[], separator: string): Text {
  const one = (lang: Lang) => texts.map((t) => (isText(t) ? t[lang] : String(t))).join(separator);
  return { fr: one('fr'), en: one('en') };
}

/** The same text in both languages: names, codes and other words that are not translated. */
export function untranslated(value: string): Text {
  return { fr: value, en: value };
}

/**
 * A schema problem's message in both languages, worded by `@olva/compiler` from ajv's
 * keyword and parameters (the one home of schema wordings).
 */
export function schemaText(problem: Pick<SchemaProblem, 'rule' | 'params' | 'message'>): Text {
  return schemaProblemMessage(problem);
}
