/**
 * This project's version of the two helpers Sim's webhook providers take from
 * `@/lib/webhooks/provider-subscription-utils`. Not exported: a Sim checkout has its own, which
 * builds the URL from Sim's base URL and `/api/webhooks/trigger/<path>`.
 */

/** A webhook record's provider config as a plain object. */
export function getProviderConfig(webhook: Record<string, unknown>): Record<string, unknown> {
  return (webhook.providerConfig as Record<string, unknown>) || {}
}

/**
 * Where the provider delivers this webhook's events: the workflow server's `/hooks/<path>`, under
 * the public base URL the server puts on the record (`baseUrl`).
 */
export function getNotificationUrl(webhook: Record<string, unknown>): string {
  const base = String(webhook.baseUrl ?? '').replace(/\/+$/, '')
  if (!base) throw new Error('The webhook record has no baseUrl to build its notification URL from')
  return `${base}/hooks/${encodeURIComponent(String(webhook.path))}`
}
