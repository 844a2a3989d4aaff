/**
 * @olva/schema: the three OLVA contracts (questionnaire definition, territorial extension,
 * response payload) as JSON Schemas and TypeScript types, the compiled-questionnaire types,
 * the safe subset of condition operators and their one evaluator (`compileLogic`: closures, no
 * `eval`). No dependency at run time: safe for the embed.
 * Validation with ajv (Node only) is the separate entry `@olva/schema/validate`.
 */
export type {
  QuestionnaireDefinition, Question, QuestionId, Item, Section, Choice, Check, Condition,
  ExtensionPoint, LocalizedText, Code, Semver,
  Crosswalk, CrosswalkEntry, CrosswalkMapping, CrosswalkNotComparable,
} from './questionnaire.generated.js';
export type { TerritorialExtension, Territory } from './extension.generated.js';
export type { ResponsePayload, VersionRef, Answers } from './payload.generated.js';
export type {
  CompiledQuestionnaire, CompiledSection, CompiledQuestion, CompiledCheck, Origin,
} from './compiled.js';
export { COMPILED_FORMAT_VERSION } from './compiled.js';
export { MAX_COMPILED_ID_LENGTH } from './compiled-id.js';
export { questionnaireSchema, extensionSchema, payloadSchema, importMappingSchema, resultsSchema, keyFiguresSchema } from './schemas.generated.js';
export { SAFE_OPERATORS, isSafeOperator } from './conditions.js';
export { escapePointerToken, pointerOf, childPointer, valueAtPointer } from './pointer.js';
export { TERRITORY_LEVELS, isTerritoryLevel, sameTerritory, territoryKey } from './territory-levels.js';
export type { TerritoryLevel } from './territory-levels.js';
export { versionKeyString, versionKeyOf, compareVersions } from './version-key.js';
export { isJsonObject, sameJson } from './same-json.js';
export type { VersionKey } from './version-key.js';
export { QUESTION_TYPES, unhandledQuestionType } from './question-types.js';
export { OTHER_CODE, OTHER_CHOICE, otherKey, choosesOther } from './other.js';
export { answerWords, answerAsText, choiceWords, scalePointWords, matrixRowWords } from './answer-words.js';
export type { AnswerWords, ChoiceWords, RowWords, ChoiceQuestion } from './answer-words.js';
export { isPersonal, personalQuestionIds, withoutPersonalAnswers } from './personal.js';
export { environmentLanguage, type MessageLanguage } from './language.js';
export { plural, counted } from './plural.js';
export { lineColumn, syntaxErrorOffset, parseJson, pointerOffsets, pointerPosition } from './json-position.js';
export type { JsonSyntaxError } from './json-position.js';
export { seededRandom } from './seeded-random.js';
export type { QuestionType, AnswerValue, Answers as AnswerMap } from './question-types.js';
export {
  harmoniseQuestion, harmoniseValue, crosswalkVersionOf, crosswalkEntryFor, isNotComparable, codeChanges,
} from './crosswalk.js';
export type {
  CrosswalkVersion, CrosswalkQuestion, HarmonisedQuestion, HarmonisedCategory, CodeChanges,
} from './crosswalk.js';
export {
  compileLogic, evaluateLogic, truthy, isOperation, operation, pathName, answerName,
} from './jsonlogic.js';
export type { CompiledLogic, LogicData, NameReader, NameReading } from './jsonlogic.js';
