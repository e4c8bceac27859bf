/** The selected block's settings: its name, then its shown subBlocks, with problems flagged. */
import { Trash2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import {
  type BlockConfig,
  hasAdvancedFields,
  isRequired,
  isShown,
  subBlocksOf,
} from '../model/config.js'
import type { ReferenceOption } from '../model/references.js'
import type { BlockProblems } from '../model/validate.js'
import { type BlockState, valuesOf } from '../model/workflow.js'
import { SubBlockField } from './SubBlockField.js'

interface Props {
  block: BlockState
  config: BlockConfig
  references: ReferenceOption[]
  envNames: string[]
  problems?: BlockProblems
  onChange: (subBlockId: string, type: string, value: unknown) => void
  onRename: (name: string) => string | undefined
  onAdvanced: (advanced: boolean) => void
  onDelete: () => void
}

export function BlockPanel(props: Props) {
  const { block, config, problems } = props
  const values = valuesOf(block)
  const advanced = block.advancedMode === true
  const [name, setName] = useState(block.name)
  const [renameError, setRenameError] = useState<string>()
  useEffect(() => {
    setName(block.name)
    setRenameError(undefined)
  }, [block.name])
  const commitName = () => {
    if (name === block.name) return
    setRenameError(props.onRename(name))
  }
  const Icon = config.icon
  return (
    <section className="block-panel" aria-label={`${block.name} settings`}>
      <header className="panel-header">
        <span className="block-icon" style={{ background: config.bgColor }}>
          <Icon width={16} height={16} aria-hidden />
        </span>
        <h2>{config.name}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete ${block.name}`}
          onClick={props.onDelete}
        >
          <Trash2 size={16} aria-hidden />
        </button>
      </header>
      <div className="field">
        <label htmlFor={`name-${block.id}`} className="field-label">
          Block name
        </label>
        <input
          id={`name-${block.id}`}
          value={name}
          aria-invalid={renameError ? true : undefined}
          onChange={(event) => setName(event.target.value)}
          onBlur={commitName}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitName()
          }}
        />
        {renameError && (
          <p className="field-error" role="alert">
            {renameError}
          </p>
        )}
      </div>
      {hasAdvancedFields(config) && (
        <label className="switch advanced-toggle">
          <input
            type="checkbox"
            role="switch"
            aria-checked={advanced}
            checked={advanced}
            onChange={(event) => props.onAdvanced(event.target.checked)}
          />
          <span>Advanced fields</span>
        </label>
      )}
      {problems && problems.block.length > 0 && (
        <ul className="block-problems" role="alert">
          {problems.block.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {subBlocksOf(config)
        .filter((subBlock) => isShown(subBlock, values, advanced, block.triggerMode === true))
        .map((subBlock) => (
          <SubBlockField
            key={subBlock.id}
            blockId={block.id}
            subBlock={subBlock}
            value={values[subBlock.id]}
            onChange={(value) => props.onChange(subBlock.id, subBlock.type, value)}
            references={props.references}
            envNames={props.envNames}
            required={isRequired(subBlock, values)}
            error={problems?.fields[subBlock.id]}
          />
        ))}
    </section>
  )
}
