/**
 * Shorthands for route definitions: a JSON answer, a required JSON body, and the bearer security requirement.
 */

/** An OpenAPI response whose body is `schema` as JSON. */
export const jsonResponse = <T>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

/** A required JSON request body validated by `schema`. */
export const jsonBody = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** Routes that need a token (or a signed-in session): see `guard.ts` for which role. */
export const bearer = [{ bearer: [] }];
