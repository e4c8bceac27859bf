/**
 * Workflows saved as readable JSON files, one per id, in a folder. A save is checked first and
 * written atomically (a temporary file renamed over the old one), so a bad or interrupted save
 * never replaces a good file.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loadWorkflow } from '../workflow/index.js'

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/

/** A request the store refuses: `status` is the HTTP status to answer with. */
export class StoreError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string
  ) {
    super(message)
  }
}

export interface WorkflowSummary {
  id: string
  name: string
  updatedAt: string
}

export function checkId(id: string): string {
  if (!ID_PATTERN.test(id)) {
    throw new StoreError(400, `Workflow id "${id}" is not valid: use 1–100 letters, digits, - or _`)
  }
  return id
}

const nameOf = (document: unknown, id: string) => {
  const name = (document as { state?: { metadata?: { name?: unknown } } })?.state?.metadata?.name
  return typeof name === 'string' && name.trim() ? name : id
}

export class WorkflowStore {
  constructor(readonly dir: string) {}

  private pathOf(id: string) {
    return join(this.dir, `${checkId(id)}.json`)
  }

  async list(): Promise<WorkflowSummary[]> {
    let files: string[]
    try {
      files = await readdir(this.dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const rows = await Promise.all(
      files
        .filter((file) => file.endsWith('.json') && ID_PATTERN.test(file.slice(0, -5)))
        .map(async (file) => {
          const id = file.slice(0, -5)
          try {
            const path = join(this.dir, file)
            const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)])
            return { id, name: nameOf(JSON.parse(text), id), updatedAt: info.mtime.toISOString() }
          } catch {
            return undefined // a file edited into invalid JSON is left out, not fatal
          }
        })
    )
    return rows
      .filter((row): row is WorkflowSummary => row !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  }

  /** The stored document as saved; StoreError 404 when there is none. */
  async get(id: string): Promise<unknown> {
    let text: string
    try {
      text = await readFile(this.pathOf(id), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new StoreError(404, `No workflow with id "${id}"`)
      }
      throw error
    }
    try {
      return JSON.parse(text)
    } catch (error) {
      throw new StoreError(
        400,
        `The saved workflow "${id}" is not valid JSON: ${(error as Error).message}`
      )
    }
  }

  async exists(id: string): Promise<boolean> {
    try {
      await stat(this.pathOf(id))
      return true
    } catch (error) {
      if (error instanceof StoreError) throw error
      return false
    }
  }

  /** Checks the document, then replaces the file atomically. */
  async put(id: string, document: unknown): Promise<{ id: string; updatedAt: string }> {
    const path = this.pathOf(id)
    const loaded = loadWorkflow(document)
    if (!loaded.ok) throw new StoreError(400, loaded.error)
    await mkdir(this.dir, { recursive: true })
    const temporary = join(this.dir, `.${id}.${randomUUID()}.tmp`)
    try {
      await writeFile(temporary, `${JSON.stringify(document, null, 2)}\n`)
      await rename(temporary, path)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
    return { id, updatedAt: (await stat(path)).mtime.toISOString() }
  }

  async delete(id: string): Promise<void> {
    try {
      await rm(this.pathOf(id))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new StoreError(404, `No workflow with id "${id}"`)
      }
      throw error
    }
  }
}
