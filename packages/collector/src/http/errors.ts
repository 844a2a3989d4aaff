/**
 * The collector's HTTP errors: every refusal, the framework's included, has a status and a
 * body `{ error, message }` (with `problems` when there are some), never a stack trace.
 * Messages are built in both languages (`../messages.ts`) and sent in the request's
 * (`language.ts`); the codes are the same in both.
 */
import { text, type Text } from '../messages.js';

/** One problem with a posted response: where (JSON pointer), which rule, and what (both languages). */
export interface ResponseProblemBody {
  pointer: string;
  code: string;
  message: Text;
}

/** The one shape of every error body the collector builds; `message`s are put in one language when sent. */
export interface ErrorBody {
  error: string;
  message: Text;
  problems?: ResponseProblemBody[];
  /** How many problems were found beyond those listed (see `MAX_PROBLEMS`). */
  truncated?: number;
}

/**
 * Problems listed in one error body at most: a client needs the first ones to fix its
 * payload, and listing thousands made a 170 KB body answer 6.7 MB.
 */
export const MAX_PROBLEMS = 50;

/** An error with the status and body to send; `message` is the French text (logs), `text` both. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    readonly text: Text,
    readonly headers: Record<string, string> = {},
    readonly problems?: ResponseProblemBody[],
  ) {
    super(text.fr);
    this.name = 'HttpError';
  }

  body(): ErrorBody {
    return { error: this.error, message: this.text, ...(this.problems ? cappedProblems(this.problems) : {}) };
  }
}

/** `problems` cut to `MAX_PROBLEMS`, with the count of those left out when there are some. */
function cappedProblems(problems: ResponseProblemBody[]): Pick<ErrorBody, 'problems' | 'truncated'> {
  return problems.length > MAX_PROBLEMS
    ? { problems: problems.slice(0, MAX_PROBLEMS), truncated: problems.length - MAX_PROBLEMS }
    : { problems };
}

/**
 * The 422 body: `{ error: 'invalid-response', message, problems: [{pointer, code, message}] }`,
 * with at most `MAX_PROBLEMS` problems and `truncated` counting the others.
 */
export function invalidResponseBody(problems: ResponseProblemBody[]): ErrorBody & { error: 'invalid-response'; problems: ResponseProblemBody[] } {
  const capped = cappedProblems(problems);
  return {
    error: 'invalid-response',
    message: capped.truncated
      ? text('invalid-response.truncated', { count: problems.length, max: MAX_PROBLEMS })
      : problems.length === 1 ? text('invalid-response.one') : text('invalid-response.many', { count: problems.length }),
    problems: capped.problems!,
    ...(capped.truncated ? { truncated: capped.truncated } : {}),
  };
}
