/** Typed failures of the data layer; pages turn them into 404/403, actions into messages. */

/** The thing does not exist, or the actor may not know that it does (we do not tell them apart). */
export class NotFoundError extends Error {
  constructor(what = "Not found") {
    super(what);
    this.name = "NotFoundError";
  }
}

/** The actor is known but may not do this. */
export class ForbiddenError extends Error {
  constructor(what = "Forbidden") {
    super(what);
    this.name = "ForbiddenError";
  }
}

/** A rule of the domain refused the request (an expired join code, an email already used). */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Too many requests of one kind from one person: a rule of the domain, with when to try again. */
export class RateLimitError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    field?: string,
  ) {
    super(message, field);
    this.name = "RateLimitError";
  }
}
