/** The list of blocks: drag one onto the canvas, or focus it and press Enter to add it. */
import type { BlockConfig } from '../model/config.js'
import { BLOCK_MIME } from './Canvas.js'

const ORDER = { triggers: 0, blocks: 1, tools: 2 } as const

/** `<block type>#<trigger id>`: what a trigger entry adds (the block, in trigger mode). */
export const TRIGGER_SEPARATOR = '#'

/** A trigger the palette offers: an integration block in trigger mode. */
export interface PaletteTrigger {
  id: string
  blockType: string
  name: string
  description: string
}

export function Palette(props: {
  configs: BlockConfig[]
  triggers?: PaletteTrigger[]
  onAdd: (type: string) => void
}) {
  const configs = [...props.configs].sort((a, b) => ORDER[a.category] - ORDER[b.category])
  const byType = new Map(props.configs.map((config) => [config.type, config]))
  // Triggers first (after Start), each drawn with its block's icon and colour.
  const entries = [
    ...configs
      .filter((config) => config.category === 'triggers')
      .map((config) => ({
        key: config.type,
        config,
        name: config.name,
        description: config.description,
      })),
    ...(props.triggers ?? []).flatMap((trigger) => {
      const config = byType.get(trigger.blockType)
      return config
        ? [
            {
              key: `${trigger.blockType}${TRIGGER_SEPARATOR}${trigger.id}`,
              config,
              name: trigger.name,
              description: trigger.description,
            },
          ]
        : []
    }),
    ...configs
      .filter((config) => config.category !== 'triggers')
      .map((config) => ({
        key: config.type,
        config,
        name: config.name,
        description: config.description,
      })),
  ]
  return (
    <nav className="palette" aria-labelledby="palette-title">
      <h2 id="palette-title">Blocks</h2>
      <ul aria-label="Blocks">
        {entries.map(({ key, config, name, description }) => {
          const Icon = config.icon
          return (
            <li
              key={key}
              aria-label={name}
              aria-description={`${description}. Press Enter to add it to the canvas.`}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: an item is focused to be added with Enter
              tabIndex={0}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(BLOCK_MIME, key)
                event.dataTransfer.effectAllowed = 'copy'
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault()
                  props.onAdd(key)
                }
              }}
              onDoubleClick={() => props.onAdd(key)}
            >
              <span className="block-icon" style={{ background: config.bgColor }}>
                <Icon width={16} height={16} aria-hidden />
              </span>
              <span className="palette-text">
                <span className="palette-name">{name}</span>
                <span className="palette-description">{description}</span>
              </span>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
