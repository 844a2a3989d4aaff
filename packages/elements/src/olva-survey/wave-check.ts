/**
 * Asking the collector, once the first page is drawn (and in a kiosk, each time the form starts
 * again for the next visitor, and while it says the collection is closed), whether the survey's wave takes this page
 * (`GET /v1/waves/<wave>/admits`, decision 0015): a page left on last year's questionnaire,
 * or left up after the collection closed, then says so at once instead of letting someone answer
 * every question for a refusal at the end. The ranges are read by the collector: the page only
 * looks for its version among those the answer lists. A check that fails in any way (network,
 * an older collector's 404, another body) refuses nothing. Its two sentences live here, not in
 * the strings of every page, since only this notice says them.
 */
import { responsesUrl, type CompiledQuestionnaire, type Locale } from '@olva/runtime';

/** What the collector answered, when it did. */
interface Admission {
  admitted?: unknown;
  versions?: unknown;
  problems?: unknown;
}

/**
 * Starts asking whether `wave` takes answers on `channel` at the collector of `endpoint`
 * (undefined when there is nothing to ask), its problems worded in the page's `locale`; the promise never rejects. Any body is read: a
 * refusal's (`{error, message}`) holds neither `admitted` nor `versions`, and so refuses nothing.
 */
export function askWave(endpoint: string | undefined, wave: string | undefined, channel: string, locale: Locale, cache?: RequestCache): Promise<Admission | undefined> | undefined {
  // Beside /v1/responses, whatever the endpoint's form (a base URL or the responses URL); a
  // wave the URL cannot hold as it is gets the collector's 400 or a 404, and so no refusal.
  return endpoint && wave
    ? fetch(responsesUrl(endpoint).replace(/responses$/, `waves/${wave}/admits?channel=${channel}`), { credentials: 'omit', cache, headers: { 'accept-language': locale } })
      .then((r) => r.json()).catch(() => undefined)
    : undefined;
}

/**
 * The notice that replaces the questions when the wave does not take `questionnaire` (closed
 * for this channel, or not its version), in `locale`, whether it is closed, and the warning
 * that tells the web team, in the console, which attributes to fix; undefined when it takes
 * it, or may. A closed collection simply ended, and thanks those who answered; a version it
 * does not take is the page's fault. The page warns, once a notice: a kiosk asks again.
 */
export function waveRefusal(answer: Admission | undefined, questionnaire: CompiledQuestionnaire, wave: string, locale: Locale): [notice: string, closed: boolean, warning: string] | undefined {
  // This page's origin is not in the collector's `origins`: its browser would block the post, and
  // the respondent would learn it only at the end. Said in the collector's words, which name the
  // origin and the setting to fix, as a fault of the page.
  const unlisted = (answer?.problems as { code?: unknown; message?: unknown }[] | undefined)?.find?.((p) => p?.code === 'origin-not-allowed')?.message;
  if (typeof unlisted === 'string') return [`${unlisted[0]!.toUpperCase()}${unlisted.slice(1)}.`, false, unlisted];
  const versions = answer?.versions;
  const { version } = questionnaire.questionnaire;
  // Asked without a version, only a closing refuses.
  const closed = answer?.admitted === false;
  // Not a list (an older or another server's body): no version to compare with.
  if (!closed && (versions as string[] | undefined)?.includes?.(version) !== false) return undefined;
  return [locale === 'en'
    ? `The ${wave} collection ${closed ? 'is closed. Thank you to every association that took part' : 'does not take this questionnaire'}.`
    : `La collecte ${wave} ${closed ? 'est close. Merci à toutes les associations qui y ont répondu' : 'ne prend pas ce questionnaire'}.`, closed,
  `fix src or wave (${wave} ${closed ? 'closed' : `refuses ${version}`})`];
}
