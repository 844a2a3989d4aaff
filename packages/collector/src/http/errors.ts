/**
 * The collector's HTTP errors: every refusal, the framework's included, has a status and a
 * body `{ error, message }` (with `problems` when there are some), never a stack trace.
 */

/** One problem with a posted response: where (JSON pointer), which rule, and what. */
export interface ResponseProblemBody {
  pointer: string;
  code: string;
  message: string;
}

/** The one shape of every error body the collector sends. */
export interface ErrorBody {
  error: string;
  message: string;
  problems?: ResponseProblemBody[];
  /** How many problems were found beyond those listed (see `MAX_PROBLEMS`). */
  truncated?: number;
}

/**
 * Problems listed in one error body at most: a client needs the first ones to fix its
 * payload, and listing thousands made a 170 KB body answer 6.7 MB.
 */
export const MAX_PROBLEMS = 50;

/** An error with the status and body to send. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly problems?: ResponseProblemBody[],
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): ErrorBody {
    return { error: this.error, message: this.message, ...(this.problems ? cappedProblems(this.problems) : {}) };
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
  const more = capped.truncated ? ` (the first ${MAX_PROBLEMS} are listed)` : '';
  return {
    error: 'invalid-response',
    message: `the response has ${problems.length} problem${problems.length > 1 ? 's' : ''}${more}`,
    problems: capped.problems!,
    ...(capped.truncated ? { truncated: capped.truncated } : {}),
  };
}
