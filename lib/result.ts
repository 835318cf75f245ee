/** Errors are values with a sentence a user can act on, not thrown strings. */
export type Failure = { ok: false; reason: string };
export type Outcome = { ok: true } | Failure;
export type Result<T> = { ok: true; value: T } | Failure;

export function fail(reason: string): Failure {
  return { ok: false, reason };
}
