/** `NAME=value` lines (dotenv style): `#` comments, optional `export `, optional quotes. */
const LINE = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/

export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {}
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const match = LINE.exec(line)
    if (!match) throw new Error(`line ${index + 1} is not NAME=value`)
    const [, name = '', rawValue = ''] = match
    let value = rawValue.trim()
    const quote = value[0]
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1)
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"')
    } else {
      value = value.replace(/\s+#.*$/, '')
    }
    env[name] = value
  })
  return env
}
