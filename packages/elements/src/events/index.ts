/** The typed events of <olva-survey>; all bubble and are composed. */
export { OlvaEvent } from './olva-event.js';
export { OlvaReadyEvent, type OlvaReadyDetail } from './olva-ready.js';
export { OlvaChangeEvent, type OlvaChangeDetail } from './olva-change.js';
export { OlvaPageChangeEvent, type OlvaPageChangeDetail } from './olva-page-change.js';
export { OlvaSubmitEvent, type OlvaSubmitDetail } from './olva-submit.js';
export { OlvaSubmittedEvent, type OlvaSubmittedDetail, type Receipt } from './olva-submitted.js';
export { OlvaQueuedEvent, type OlvaQueuedDetail } from './olva-queued.js';
export { OlvaErrorEvent, type OlvaErrorDetail } from './olva-error.js';
