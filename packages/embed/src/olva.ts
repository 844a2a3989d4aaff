/**
 * @olva/embed: the single file a page loads to show an OLVA questionnaire.
 *
 * ```html
 * <script type="module" src="https://collecte.example.org/embed/olva.js"></script>
 * <olva-survey src="…/questionnaire.json" endpoint="https://…/v1/responses"
 *   territory="commune:35238" wave="2026" source="forum-2026" lang="fr"></olva-survey>
 * ```
 *
 * Importing it registers <olva-survey> (once, even if two embeds load on one page). Rollup
 * bundles this module's compiled output (dist/tsc/olva.js), Lit and the runtime (its conditions
 * compiled into closures by @olva/schema, no JsonLogic interpreter) into dist/olva.js: see rollup.config.mjs at the repository root.
 */
import '@olva/elements/define';

export {
  OlvaSurvey, OlvaReadyEvent, OlvaChangeEvent, OlvaPageChangeEvent, OlvaSubmitEvent, OlvaSubmittedEvent,
  OlvaQueuedEvent, OlvaErrorEvent, registerQuestionRenderer,
} from '@olva/elements';
