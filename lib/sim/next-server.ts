/**
 * What the exported webhook provider uses of Next.js's `next/server`, for this project (which has
 * no Next.js): `NextResponse` is a `Response`, `NextRequest` a `Request`. Resolved through the
 * `next/server` alias in tsconfig and vitest; a Sim checkout uses the real module. Not exported.
 */
export type NextRequest = Request

export class NextResponse<Body = unknown> extends Response {
  /** Marks the body type, as Next's does; nothing at run time. */
  declare readonly __body?: Body

  static override json<Body>(body: Body, init?: ResponseInit): NextResponse<Body> {
    const headers = new Headers(init?.headers)
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
    return new NextResponse<Body>(JSON.stringify(body), { ...init, headers })
  }
}
