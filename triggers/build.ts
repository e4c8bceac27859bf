/**
 * Sim's `buildTriggerSubBlocks`, the standard fields of a webhook trigger. Its own module, loaded
 * before the registry: the trigger files call it while `@/triggers` is still loading them.
 */
import type { SubBlockConfig } from '@/blocks/types'

export interface BuildTriggerSubBlocksOptions {
  triggerId: string
  /** The trigger-type dropdown's choices. */
  triggerOptions: Array<{ label: string; id: string }>
  /** Only the block's first trigger carries the dropdown. */
  includeDropdown?: boolean
  /** HTML steps shown under the fields. */
  setupInstructions: string
  /** Fields between the webhook URL and the instructions. */
  extraFields?: SubBlockConfig[]
  webhookPlaceholder?: string
}

/** `[trigger-type dropdown?] → webhook URL (read-only, copyable) → extra fields → instructions`. */
export function buildTriggerSubBlocks({
  triggerId,
  triggerOptions,
  includeDropdown = false,
  setupInstructions,
  extraFields = [],
  webhookPlaceholder = 'Webhook URL will be generated',
}: BuildTriggerSubBlocksOptions): SubBlockConfig[] {
  const shownFor = { field: 'selectedTriggerId', value: triggerId }
  return [
    ...(includeDropdown
      ? [
          {
            id: 'selectedTriggerId',
            title: 'Trigger Type',
            canvasNoun: 'an event',
            type: 'dropdown',
            mode: 'trigger',
            options: triggerOptions,
            value: () => triggerId,
            required: true,
          } satisfies SubBlockConfig,
        ]
      : []),
    {
      id: 'webhookUrlDisplay',
      title: 'Webhook URL',
      type: 'short-input',
      readOnly: true,
      showCopyButton: true,
      useWebhookUrl: true,
      placeholder: webhookPlaceholder,
      mode: 'trigger',
      condition: shownFor,
    },
    ...extraFields,
    {
      id: 'triggerInstructions',
      title: 'Setup Instructions',
      hideFromPreview: true,
      type: 'text',
      defaultValue: setupInstructions,
      mode: 'trigger',
      condition: shownFor,
    },
  ]
}
