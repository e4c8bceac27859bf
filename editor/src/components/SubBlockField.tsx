/**
 * The generic subBlock renderer: one control per Sim subBlock type, labelled by the subBlock's
 * title, driven only by the config. Nothing here knows which block it is rendering.
 */
import { Eye, EyeOff, KeyRound, Plus, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { type EditorSubBlock, optionsOf, titleOf } from '../model/config.js'
import type { ReferenceOption } from '../model/references.js'
import { rowsOf } from '../model/references.js'
import { ReferenceInput } from './ReferenceInput.js'

export interface FieldProps {
  blockId: string
  subBlock: EditorSubBlock
  value: unknown
  onChange: (value: unknown) => void
  references: ReferenceOption[]
  envNames: string[]
  required: boolean
  error?: string
}

const ENV_REFERENCE = /^\{\{([^}]+)\}\}$/

const asText = (value: unknown) =>
  value === undefined || value === null
    ? ''
    : typeof value === 'string'
      ? value
      : JSON.stringify(value, null, 2)

export function SubBlockField(props: FieldProps) {
  const { blockId, subBlock, required, error } = props
  const id = `field-${blockId}-${subBlock.id}`
  const title = titleOf(subBlock)
  const errorId = error ? `${id}-error` : undefined
  const describedBy =
    [subBlock.description ? `${id}-description` : '', errorId ?? ''].filter(Boolean).join(' ') ||
    undefined
  return (
    <div className={`field field-${subBlock.type}${error ? ' has-error' : ''}`}>
      {subBlock.type !== 'switch' && (
        <div className="field-title">
          <label htmlFor={id} className="field-label">
            {title}
          </label>
          {required && (
            <span className="required" aria-hidden="true" title="Required">
              *
            </span>
          )}
        </div>
      )}
      <Control {...props} id={id} title={title} describedBy={describedBy} />
      {subBlock.description && (
        <p id={`${id}-description`} className="field-description">
          {subBlock.description}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

interface ControlProps extends FieldProps {
  id: string
  title: string
  describedBy?: string
}

function Control(props: ControlProps) {
  const { subBlock, value, onChange, id, title, describedBy, required, error } = props
  const aria = {
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
  }
  switch (subBlock.type) {
    case 'dropdown':
      return (
        <select
          id={id}
          value={asText(value)}
          onChange={(event) => onChange(event.target.value)}
          {...aria}
        >
          {!optionsOf(subBlock).some((option) => option.id === asText(value)) && (
            <option value={asText(value)}>
              {asText(value) === '' ? 'Choose…' : asText(value)}
            </option>
          )}
          {optionsOf(subBlock).map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      )
    case 'combobox':
      return (
        <>
          <input
            id={id}
            list={`${id}-options`}
            value={asText(value)}
            placeholder={subBlock.placeholder}
            onChange={(event) => onChange(event.target.value)}
            {...aria}
          />
          <datalist id={`${id}-options`}>
            {optionsOf(subBlock).map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </datalist>
        </>
      )
    case 'switch':
      return (
        <label className="switch">
          <input
            id={id}
            type="checkbox"
            role="switch"
            aria-checked={value === true || value === 'true'}
            checked={value === true || value === 'true'}
            onChange={(event) => onChange(event.target.checked)}
            {...aria}
          />
          <span>{title}</span>
        </label>
      )
    case 'slider':
      return (
        <input
          id={id}
          type="range"
          min={subBlock.min ?? 0}
          max={subBlock.max ?? 100}
          step={subBlock.step ?? 1}
          value={Number(value ?? subBlock.min ?? 0)}
          onChange={(event) => onChange(Number(event.target.value))}
          {...aria}
        />
      )
    case 'checkbox-list':
      return <CheckboxList {...props} />
    case 'input-format':
      return <InputFormat {...props} />
    case 'condition-input':
      return <ConditionInput {...props} />
    case 'table':
      return <Table {...props} />
    case 'text':
      // Display-only copy (Sim's setup instructions are HTML): shown as its text.
      return (
        <div id={id} className="field-text">
          {String(subBlock.defaultValue ?? value ?? '')
            .replace(/<\/(p|li|div|ol|ul)>/g, '\n')
            .replace(/<[^>]+>/g, '')
            .trim()}
        </div>
      )
    case 'short-input':
      if (subBlock.readOnly) {
        return <input id={id} readOnly value={readOnlyValue(subBlock, value)} {...aria} />
      }
      return subBlock.password ? <SecretInput {...props} /> : <TextInput {...props} />
    default:
      // long-input, code and any type without a dedicated control: text, with references.
      return <TextInput {...props} multiline />
  }
}

/** Sim's `useWebhookUrl` fields show where this workflow's deliveries go. */
function readOnlyValue(subBlock: EditorSubBlock, value: unknown): string {
  const useWebhookUrl = (subBlock as { useWebhookUrl?: boolean }).useWebhookUrl
  if (!useWebhookUrl || typeof window === 'undefined') return asText(value)
  const workflowId = new URLSearchParams(window.location.hash.slice(1)).get('workflow') ?? ''
  return `${window.location.origin}/hooks/${encodeURIComponent(workflowId)}`
}

function TextInput(props: ControlProps & { multiline?: boolean }) {
  const { subBlock } = props
  return (
    <ReferenceInput
      id={props.id}
      label={props.title}
      value={asText(props.value)}
      onChange={props.onChange}
      references={props.references}
      multiline={props.multiline}
      rows={subBlock.rows ?? (subBlock.type === 'code' ? 6 : 3)}
      placeholder={subBlock.placeholder}
      className={subBlock.type === 'code' ? 'code' : undefined}
      describedBy={props.describedBy}
      invalid={Boolean(props.error)}
      required={props.required}
    />
  )
}

/** Masked until shown; can hold an `{{ENV}}` reference instead of the secret itself. */
function SecretInput(props: ControlProps) {
  const [shown, setShown] = useState(false)
  const [picking, setPicking] = useState(false)
  const text = asText(props.value)
  const envReference = ENV_REFERENCE.exec(text.trim())?.[1]
  return (
    <div className="secret-input">
      <div className="secret-row">
        <ReferenceInput
          id={props.id}
          label={props.title}
          // An `{{ENV}}` reference is not the secret: it stays readable.
          type={shown || envReference ? 'text' : 'password'}
          value={text}
          onChange={props.onChange}
          references={props.references}
          placeholder={props.subBlock.placeholder}
          describedBy={props.describedBy}
          invalid={Boolean(props.error)}
          required={props.required}
        />
        <button
          type="button"
          className="icon-button"
          aria-label={shown ? `Hide ${props.title}` : `Show ${props.title}`}
          aria-pressed={shown}
          onClick={() => setShown(!shown)}
        >
          {shown ? <EyeOff size={16} aria-hidden /> : <Eye size={16} aria-hidden />}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Use an environment variable for ${props.title}`}
          aria-expanded={picking}
          onClick={() => setPicking(!picking)}
        >
          <KeyRound size={16} aria-hidden />
        </button>
      </div>
      {envReference && (
        <p className="field-note">
          Uses the environment variable {envReference}; its value stays on the server.
        </p>
      )}
      {picking && (
        <ul className="env-picker" aria-label="Environment variables">
          {props.envNames.length === 0 && <li>No variables yet: add one under Environment.</li>}
          {props.envNames.map((name) => (
            <li key={name}>
              <button
                type="button"
                onClick={() => {
                  props.onChange(`{{${name}}}`)
                  setPicking(false)
                }}
              >
                {`{{${name}}}`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function CheckboxList(props: ControlProps) {
  const selected = Array.isArray(props.value) ? (props.value as string[]) : []
  return (
    <fieldset id={props.id} className="checkbox-list" aria-label={props.title}>
      {optionsOf(props.subBlock).map((option) => (
        <label key={option.id}>
          <input
            type="checkbox"
            checked={selected.includes(option.id)}
            onChange={(event) =>
              props.onChange(
                event.target.checked
                  ? [...selected, option.id]
                  : selected.filter((item) => item !== option.id)
              )
            }
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  )
}

function RemoveButton(props: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label={props.label} onClick={props.onClick}>
      <Trash2 size={14} aria-hidden />
    </button>
  )
}

const INPUT_TYPES = ['string', 'number', 'boolean', 'object', 'array', 'files']

const rowId = () => Math.random().toString(36).slice(2, 10)

/** Sim's Start inputs: a list of `{id, name, type, value}`. */
function InputFormat(props: ControlProps) {
  const rows = rowsOf(props.value)
  const update = (index: number, patch: Record<string, unknown>) =>
    props.onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)))
  return (
    <fieldset id={props.id} className="rows" aria-label={props.title}>
      {rows.map((row, index) => {
        const n = index + 1
        return (
          <div className="row" key={String(row.id ?? index)}>
            <input
              aria-label={`Input ${n} name`}
              placeholder="name"
              value={asText(row.name)}
              onChange={(event) => update(index, { name: event.target.value })}
            />
            <select
              aria-label={`Input ${n} type`}
              value={asText(row.type ?? 'string')}
              onChange={(event) => update(index, { type: event.target.value })}
            >
              {INPUT_TYPES.map((type) => (
                <option key={type}>{type}</option>
              ))}
            </select>
            <input
              aria-label={`Input ${n} default value`}
              placeholder="default value"
              value={asText(row.value)}
              onChange={(event) => update(index, { value: event.target.value })}
            />
            <RemoveButton
              label={`Remove input ${n}`}
              onClick={() => props.onChange(rows.filter((_, at) => at !== index))}
            />
          </div>
        )
      })}
      <button
        type="button"
        onClick={() =>
          props.onChange([...rows, { id: rowId(), name: '', type: 'string', value: '' }])
        }
      >
        <Plus size={14} aria-hidden /> Add input
      </button>
    </fieldset>
  )
}

/** Sim's condition list: `if`, any `else if`, then `else`, stored as JSON text. */
function ConditionInput(props: ControlProps) {
  const rows = rowsOf(props.value)
  const save = (next: Array<Record<string, unknown>>) => props.onChange(JSON.stringify(next))
  const elseIndex = rows.findIndex((row) => row.title === 'else')
  return (
    <fieldset id={props.id} className="rows" aria-label={props.title}>
      {rows.map((row, index) => {
        const title = String(row.title ?? 'if')
        const label = title === 'else if' ? `else if ${index}` : title
        return (
          <div className="row condition-row" key={String(row.id ?? index)}>
            <span className="condition-title">{title}</span>
            {title === 'else' ? (
              <span className="field-note">when nothing above holds</span>
            ) : (
              <ReferenceInput
                id={`${props.id}-${index}`}
                label={`${label} expression`}
                value={asText(row.value)}
                onChange={(value) =>
                  save(rows.map((item, at) => (at === index ? { ...item, value } : item)))
                }
                references={props.references}
                placeholder="<start.count> > 3"
              />
            )}
            {title === 'else if' && (
              <RemoveButton
                label={`Remove ${label}`}
                onClick={() => save(rows.filter((_, at) => at !== index))}
              />
            )}
          </div>
        )
      })}
      <button
        type="button"
        onClick={() => {
          const added = { id: `${props.blockId}-else-if-${rowId()}`, title: 'else if', value: '' }
          const at = elseIndex === -1 ? rows.length : elseIndex
          save([...rows.slice(0, at), added, ...rows.slice(at)])
        }}
      >
        <Plus size={14} aria-hidden /> Add else if
      </button>
    </fieldset>
  )
}

/** Sim's table: rows of `{id, cells: {<column>: text}}`. */
function Table(props: ControlProps) {
  const columns = props.subBlock.columns ?? ['Key', 'Value']
  const rows = Array.isArray(props.value)
    ? (props.value as Array<{ id: string; cells: Record<string, string> }>)
    : []
  return (
    <fieldset id={props.id} className="rows" aria-label={props.title}>
      {rows.map((row, index) => (
        <div className="row" key={row.id}>
          {columns.map((column) => (
            <input
              key={column}
              aria-label={`${column} ${index + 1}`}
              placeholder={column}
              value={row.cells?.[column] ?? ''}
              onChange={(event) =>
                props.onChange(
                  rows.map((item, at) =>
                    at === index
                      ? { ...item, cells: { ...item.cells, [column]: event.target.value } }
                      : item
                  )
                )
              }
            />
          ))}
          <RemoveButton
            label={`Remove row ${index + 1}`}
            onClick={() => props.onChange(rows.filter((_, at) => at !== index))}
          />
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          props.onChange([
            ...rows,
            { id: rowId(), cells: Object.fromEntries(columns.map((c) => [c, ''])) },
          ])
        }
      >
        <Plus size={14} aria-hidden /> Add row
      </button>
    </fieldset>
  )
}
