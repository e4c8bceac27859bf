/** Modal dialogs: the environment (write-only values) and the Start inputs asked before a run. */
import { X } from 'lucide-react'
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'

function Dialog(props: { title: string; onClose: () => void; children: ReactNode }) {
  const titleId = useId()
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus()
  }, [])
  return (
    <div className="backdrop">
      <div
        ref={box}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => event.key === 'Escape' && props.onClose()}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{props.title}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={props.onClose}>
            <X size={16} aria-hidden />
          </button>
        </header>
        {props.children}
      </div>
    </div>
  )
}

interface EnvProps {
  names: string[]
  onSet: (name: string, value: string) => Promise<void>
  onDelete: (name: string) => Promise<void>
  onClose: () => void
}

/** Values go to the server and never come back: the list shows names only. */
export function EnvironmentDialog(props: EnvProps) {
  const [name, setName] = useState('AGENTPHONE_API_KEY')
  const [value, setValue] = useState('')
  const [message, setMessage] = useState<string>()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      setMessage('A name is letters, digits and underscores, not starting with a digit')
      return
    }
    try {
      await props.onSet(name, value)
      setValue('')
      setMessage(`Saved ${name}. Use it in a field as {{${name}}}.`)
    } catch (error) {
      setMessage((error as Error).message)
    }
  }
  return (
    <Dialog title="Environment" onClose={props.onClose}>
      <p className="field-note">
        Values are stored by the server and never shown again. The embedded sandbox accepts the demo
        key <code>sk_sandbox_demo</code>.
      </p>
      <ul className="env-names" aria-label="Environment variables">
        {props.names.length === 0 && <li>No variables yet.</li>}
        {props.names.map((envName) => (
          <li key={envName}>
            <code>{`{{${envName}}}`}</code>
            <button type="button" onClick={() => props.onDelete(envName)}>
              Remove {envName}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="env-form">
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          Value
          <input
            type="password"
            autoComplete="off"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        </label>
        <button type="submit">Save variable</button>
      </form>
      {message && <p role="status">{message}</p>}
    </Dialog>
  )
}

export interface StartInput {
  name: string
  type: string
  value: string
}

/** Asks for the Start block's inputs, prefilled with their defaults. */
export function RunInputsDialog(props: {
  inputs: StartInput[]
  onRun: (input: Record<string, unknown>) => void
  onClose: () => void
}) {
  const [values, setValues] = useState(() => props.inputs.map((input) => input.value))
  const [error, setError] = useState<string>()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input: Record<string, unknown> = {}
    for (const [index, field] of props.inputs.entries()) {
      const text = values[index] ?? ''
      if (field.type === 'number') {
        if (text.trim() !== '' && !Number.isFinite(Number(text))) {
          setError(`${field.name} must be a number`)
          return
        }
        input[field.name] = text.trim() === '' ? undefined : Number(text)
      } else if (field.type === 'boolean') input[field.name] = text === 'true'
      else if (field.type === 'object' || field.type === 'array') {
        try {
          input[field.name] = text.trim() === '' ? undefined : JSON.parse(text)
        } catch {
          setError(`${field.name} must be JSON`)
          return
        }
      } else input[field.name] = text
    }
    props.onRun(input)
  }
  return (
    <Dialog title="Run inputs" onClose={props.onClose}>
      <form onSubmit={submit} className="run-form">
        {props.inputs.map((input, index) => (
          <label key={input.name}>
            {input.name}
            <input
              value={values[index] ?? ''}
              onChange={(event) =>
                setValues(values.map((value, at) => (at === index ? event.target.value : value)))
              }
            />
          </label>
        ))}
        {error && <p role="alert">{error}</p>}
        <button type="submit">Start run</button>
      </form>
    </Dialog>
  )
}
