/**
 * The collector's HTTP errors: every refusal has a status and a body
 * `{ error, message }` (422 adds `problems`), never a stack trace.
 */

/** One problem with a posted response: where (JSON pointer), which rule, and what. */
export interface ResponseProblemBody {
  pointer: string;
  code: string;
  message: string;
}

/** An error with the status and body to send. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): { error: string; message: string } {
    return { error: this.error, message: this.message };
  }
}

/** The 422 body: `{ error: 'invalid-response', problems: [{pointer, code, message}] }`. */
export function invalidResponseBody(problems: ResponseProblemBody[]): { error: 'invalid-response'; message: string; problems: ResponseProblemBody[] } {
  return {
    error: 'invalid-response',
    message: `the response has ${problems.length} problem${problems.length > 1 ? 's' : ''}`,
    problems,
  };
}
