/**
 * Publishing in tests through the collector's one way to publish (`publishIfUnchanged`,
 * checked beside the publications as they are), for tests whose subject is not that check.
 */
import type { PublicationEvent, PublicationStore } from '@olva/collector';

type Territory = Parameters<PublicationStore['publishIfUnchanged']>[0];

/**
 * Publishes `document` for `territory` and `wave`, reading the count of acts again when
 * another act came in between, as `PUT …/publication` checks again.
 */
export async function publishNow(publications: Pick<PublicationStore, 'acts' | 'publishIfUnchanged'>, territory: Territory, wave: string, by: string, document: string, responses: number): Promise<PublicationEvent> {
  for (;;) {
    const event = await publications.publishIfUnchanged(territory, wave, by, document, responses, await publications.acts());
    if (event) return event;
  }
}
