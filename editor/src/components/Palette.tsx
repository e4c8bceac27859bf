/** The list of blocks: drag one onto the canvas, or focus it and press Enter to add it. */
import type { BlockConfig, TriggerLike } from '../model/config.js'
import { BLOCK_MIME } from './Canvas.js'

const ORDER = { triggers: 0, blocks: 1, tools: 2 } as const

/** What a palette entry adds: a block type, or `trigger:<id>` for a block in trigger mode. */
export const triggerItem = (trigger: TriggerLike) => `trigger:${trigger.id}`

interface Item {
  key: string
  name: string
  description: string
  icon: BlockConfig['icon']
  bgColor: string
  order: number
}

export function Palette(props: {
  configs: BlockConfig[]
  triggers: TriggerLike[]
  onAdd: (item: string) => void
}) {
  const blocks: Item[] = props.configs.map((config) => ({
    key: config.type,
    name: config.name,
    description: config.description,
    icon: config.icon,
    bgColor: config.bgColor,
    order: ORDER[config.category],
  }))
  const triggers: Item[] = props.triggers.flatMap((trigger) => {
    const provider = props.configs.find((config) => config.type === trigger.provider)
    if (!provider) return []
    const item = {
      key: triggerItem(trigger),
      name: trigger.name,
      description: trigger.description,
      icon: provider.icon,
      bgColor: provider.bgColor,
      order: ORDER.triggers,
    }
    return [item]
  })
  const configs = [...blocks, ...triggers].sort((a, b) => a.order - b.order)
  return (
    <nav className="palette" aria-labelledby="palette-title">
      <h2 id="palette-title">Blocks</h2>
      <ul aria-label="Blocks">
        {configs.map((config) => {
          const Icon = config.icon
          return (
            <li
              key={config.key}
              aria-label={config.name}
              aria-description={`${config.description}. Press Enter to add it to the canvas.`}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: an item is focused to be added with Enter
              tabIndex={0}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(BLOCK_MIME, config.key)
                event.dataTransfer.effectAllowed = 'copy'
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault()
                  props.onAdd(config.key)
                }
              }}
              onDoubleClick={() => props.onAdd(config.key)}
            >
              <span className="block-icon" style={{ background: config.bgColor }}>
                <Icon width={16} height={16} aria-hidden />
              </span>
              <span className="palette-text">
                <span className="palette-name">{config.name}</span>
                <span className="palette-description">{config.description}</span>
              </span>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
