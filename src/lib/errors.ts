/**
 * Errors a user can cause. Data-access code throws them; the API turns them into a 4xx answer that names the field.
 * Anything else that is thrown is a bug: a 500 without details for the client, logged on the server.
 */
export type UserErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429;

export class UserError extends Error {
  constructor(
    readonly status: UserErrorStatus,
    message: string,
    /** The input field at fault, as a path (`date`, `versionId`, `body`). */
    readonly field?: string,
    readonly code = 'invalid_input',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const notFound = (what: string, id: string, field?: string) =>
  new UserError(field ? 422 : 404, `${what} "${id}" does not exist`, field, 'not_found');
