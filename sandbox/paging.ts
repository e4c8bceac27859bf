/** The API's two ways of paging: limit/offset with a total, and time cursors for messages. */

export interface PageQuery {
  limit: number
  offset: number
}

export function paginate<T, V>(
  items: readonly T[],
  { limit, offset }: PageQuery,
  view: (item: T) => V
) {
  return {
    data: items.slice(offset, offset + limit).map(view),
    hasMore: offset + limit < items.length,
    total: items.length,
  }
}

export interface CursorQuery {
  limit: number
  /** Epoch ms: only items strictly older. */
  before?: number | undefined
  /** Epoch ms: only items strictly newer. */
  after?: number | undefined
}

/**
 * Newest first. The page is the `limit` items nearest the cursor: the newest ones (below `before`,
 * if given) — or, with `after` alone, the oldest ones above it, so paging forward skips nothing.
 * `hasMore` says whether more items lie beyond the page in the direction of travel: page back with
 * `before` = the last item's time, forward with `after` = the first item's time.
 */
export function cursorPage<T extends { receivedAt: number }, V>(
  items: readonly T[],
  { limit, before, after }: CursorQuery,
  view: (item: T) => V
) {
  const inWindow = items
    .filter(
      (item) =>
        (before === undefined || item.receivedAt < before) &&
        (after === undefined || item.receivedAt > after)
    )
    .sort((a, b) => b.receivedAt - a.receivedAt)
  const forward = after !== undefined && before === undefined
  const page = forward ? inWindow.slice(-limit) : inWindow.slice(0, limit)
  return { data: page.map(view), hasMore: inWindow.length > limit }
}
