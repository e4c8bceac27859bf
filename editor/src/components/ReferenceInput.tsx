/**
 * A text field that offers references: typing `<` lists the outputs of upstream blocks, and
 * choosing one inserts `<block.path>` at the caret.
 */
import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react'
import { insertReference, openReference, type ReferenceOption } from '../model/references.js'

interface Props {
  id: string
  value: string
  onChange: (value: string) => void
  references: ReferenceOption[]
  multiline?: boolean
  rows?: number
  type?: string
  placeholder?: string
  className?: string
  describedBy?: string
  invalid?: boolean
  required?: boolean
  label?: string
}

const MAX_SHOWN = 60

export function ReferenceInput(props: Props) {
  const { value, onChange, references, multiline } = props
  const [caret, setCaret] = useState<number | null>(null)
  const [active, setActive] = useState(0)
  const [dismissed, setDismissed] = useState(false)
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  const listId = useId()

  const open = caret === null || dismissed ? null : openReference(value, caret)
  const matches = useMemo(() => {
    if (!open) return []
    const query = open.query.toLowerCase()
    return references
      .filter((option) => option.path.toLowerCase().includes(query))
      .slice(0, MAX_SHOWN)
  }, [open, references])
  const listOpen = open !== null && matches.length > 0

  const choose = (option: ReferenceOption) => {
    const at = caret ?? value.length
    const next = insertReference(value, at, option.path)
    onChange(next.text)
    setCaret(null)
    requestAnimationFrame(() => {
      field.current?.focus()
      field.current?.setSelectionRange(next.caret, next.caret)
    })
  }

  const track = (element: HTMLInputElement | HTMLTextAreaElement) => {
    setCaret(element.selectionStart)
    setDismissed(false)
    setActive(0)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (!listOpen) return
    if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, matches.length - 1))
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0))
    else if (event.key === 'Enter' || event.key === 'Tab') {
      const option = matches[active]
      if (option) choose(option)
    } else if (event.key === 'Escape') setDismissed(true)
    else return
    event.preventDefault()
  }

  const common = {
    id: props.id,
    ref: field,
    value,
    placeholder: props.placeholder,
    className: props.className,
    'aria-describedby': props.describedBy,
    'aria-invalid': props.invalid || undefined,
    'aria-required': props.required || undefined,
    'aria-autocomplete': 'list' as const,
    'aria-expanded': listOpen,
    'aria-controls': listOpen ? listId : undefined,
    spellCheck: false,
    autoComplete: 'off',
    onKeyDown,
    onBlur: () => setCaret(null),
    onClick: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      track(event.currentTarget),
    onChange: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      onChange(event.currentTarget.value)
      track(event.currentTarget)
    },
  }

  return (
    <div className="reference-input">
      {multiline ? (
        <textarea {...common} rows={props.rows ?? 3} />
      ) : (
        <input {...common} type={props.type ?? 'text'} />
      )}
      {listOpen && (
        <div
          id={listId}
          role="listbox"
          aria-label={`References for ${props.label ?? 'this field'}`}
          className="reference-list"
        >
          {matches.map((option, index) => (
            <div
              key={option.path}
              role="option"
              aria-label={option.path}
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              tabIndex={-1}
              // Keep the field focused (and its caret) while choosing.
              onMouseDown={(event) => {
                event.preventDefault()
                choose(option)
              }}
            >
              <span className="reference-path">{option.path}</span>
              <span className="reference-type">{option.type}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  )
}
