/** The list of blocks: drag one onto the canvas, or focus it and press Enter to add it. */
import type { BlockConfig } from '../model/config.js'
import { BLOCK_MIME } from './Canvas.js'

const ORDER = { triggers: 0, blocks: 1, tools: 2 } as const

export function Palette(props: { configs: BlockConfig[]; onAdd: (type: string) => void }) {
  const configs = [...props.configs].sort((a, b) => ORDER[a.category] - ORDER[b.category])
  return (
    <nav className="palette" aria-labelledby="palette-title">
      <h2 id="palette-title">Blocks</h2>
      <ul aria-label="Blocks">
        {configs.map((config) => {
          const Icon = config.icon
          return (
            <li
              key={config.type}
              aria-label={config.name}
              aria-description={`${config.description}. Press Enter to add it to the canvas.`}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: an item is focused to be added with Enter
              tabIndex={0}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(BLOCK_MIME, config.type)
                event.dataTransfer.effectAllowed = 'copy'
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault()
                  props.onAdd(config.type)
                }
              }}
              onDoubleClick={() => props.onAdd(config.type)}
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
