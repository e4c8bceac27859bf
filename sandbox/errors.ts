/** The API's error bodies: a string `detail` for 4xx refusals, a FastAPI-style list for 422. */
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** A refusal with FastAPI's string `detail`, e.g. 404 `{"detail":"Contact not found"}`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string
  ) {
    super(detail)
  }
}

export const notFound = (what: string) => new ApiError(404, `${what} not found`)

export interface ValidationIssue {
  loc: (string | number)[]
  msg: string
  type: string
}

/** Invalid input: 422 `{"detail":[{loc, msg, type}]}`. */
export class ValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((issue) => `${issue.loc.join('.')}: ${issue.msg}`).join('; '))
  }
}

/**
 * A connection that ends without an answer: dropped by a `drop` fault (the node server destroys
 * the socket, the in-process fetch rejects like undici does), or closed by the client while the
 * request was held back (nobody is left to answer).
 */
export class DroppedConnection extends Error {
  constructor(readonly by: 'fault' | 'client' = 'fault') {
    super(
      by === 'fault' ? 'connection dropped by a sandbox fault' : 'connection closed by the client'
    )
  }
}
