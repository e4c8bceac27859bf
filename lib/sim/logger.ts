/**
 * What the exported webhook provider uses of Sim's `@sim/logger`: named loggers with levels.
 * Lines at or above `LOG_LEVEL` (debug, info, warn, error; default: none) go to stderr. Resolved
 * through the `@sim/logger` alias in tsconfig and vitest; a Sim checkout uses the real package.
 * Not exported.
 */
const LEVELS = ['debug', 'info', 'warn', 'error'] as const
type Level = (typeof LEVELS)[number]

export interface Logger {
  debug(message: string, ...details: unknown[]): void
  info(message: string, ...details: unknown[]): void
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
}

const threshold = () => LEVELS.indexOf((process.env.LOG_LEVEL ?? '').toLowerCase() as Level)

export function createLogger(name: string): Logger {
  const at =
    (level: Level) =>
    (message: string, ...details: unknown[]) => {
      const minimum = threshold()
      if (minimum === -1 || LEVELS.indexOf(level) < minimum) return
      console.error(`[${level.toUpperCase()}] [${name}] ${message}`, ...details)
    }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}
