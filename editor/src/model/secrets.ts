/**
 * Results are shown with secrets masked: values under secret-looking keys, and any text equal to
 * or containing a value typed into a password field of the workflow (the server masks too; this
 * covers whatever the page itself knows).
 */
import { type Registry, valuesOf, type WorkflowDocument } from './workflow.js'

export const MASK = '••••••••'

const SECRET_KEY = /api[-_]?key|password|secret|token|authorization/i

/** The literal values typed into password fields; `{{ENV}}` references are not secrets. */
export function secretsOf(doc: WorkflowDocument, registry: Registry): string[] {
  const secrets = new Set<string>()
  for (const block of Object.values(doc.state.blocks)) {
    const config = registry[block.type]
    if (!config) continue
    const values = valuesOf(block)
    for (const subBlock of config.subBlocks) {
      const value = values[subBlock.id]
      if (!subBlock.password || typeof value !== 'string') continue
      if (value.trim() === '' || /^\{\{[^}]+\}\}$/.test(value.trim())) continue
      secrets.add(value)
    }
  }
  return [...secrets]
}

export function maskSecrets(value: unknown, secrets: string[], key = ''): unknown {
  if (typeof value === 'string') {
    if (key !== '' && SECRET_KEY.test(key) && value !== '') return MASK
    return secrets.reduce((text, secret) => text.split(secret).join(MASK), value)
  }
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, secrets))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, maskSecrets(item, secrets, name)])
    )
  }
  return value
}
