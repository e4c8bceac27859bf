/**
 * Keeping the data file safe: one sandbox process per file (an exclusive lock file naming its
 * owner's pid; a lock whose owner is gone is taken over), temporary files left by a killed process
 * removed at start, and saves coalesced — every write asks for a save and waits for one that
 * started after it, so an acknowledged write is on disk, while a burst of writes costs a few
 * file writes instead of one each.
 */
import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Why a data file cannot be used: unreadable, not the sandbox's format, or in use. */
export class DataFileError extends Error {
  constructor(
    readonly dataFile: string,
    reason: string,
    action = 'read sandbox data from'
  ) {
    super(`could not ${action} ${dataFile}: ${reason}`)
  }
}

const USE = 'use the sandbox data file'

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Holds `<dataFile>.lock` until released; refuses a file another live process holds. */
export class DataFileLock {
  readonly #path: string
  #held = false

  private constructor(readonly dataFile: string) {
    this.#path = `${dataFile}.lock`
  }

  static acquire(dataFile: string): DataFileLock {
    const lock = new DataFileLock(dataFile)
    lock.#take()
    return lock
  }

  #take(): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.#path, 'wx')
        writeSync(fd, String(process.pid))
        closeSync(fd)
        this.#held = true
        return
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          const reason = `cannot create ${this.#path}: ${(error as Error).message}`
          throw new DataFileError(this.dataFile, reason, USE)
        }
      }
      const owner = Number(readFileSync(this.#path, 'utf8').trim())
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DataFileError(
          this.dataFile,
          `it is in use by another sandbox (pid ${owner}${owner === process.pid ? ', this process' : ''}). Stop that one first, or pass another --data file`,
          USE
        )
      }
      // Left behind by a process that is gone (killed, crashed): take it over.
      rmSync(this.#path, { force: true })
    }
    throw new DataFileError(this.dataFile, `could not take the lock ${this.#path}`, USE)
  }

  release(): void {
    if (!this.#held) return
    this.#held = false
    rmSync(this.#path, { force: true })
  }
}

/** The temporary file a save writes before renaming it over the data file. */
const temporaryFileOf = (dataFile: string) => `${dataFile}.${process.pid}.tmp`

/** Removes `<dataFile>.<pid>.tmp` files a killed process left (call while holding the lock). */
export function removeTemporaryFiles(dataFile: string): string[] {
  const directory = dirname(dataFile)
  const prefix = `${basename(dataFile)}.`
  let names: string[]
  try {
    names = readdirSync(directory)
  } catch {
    return []
  }
  const leftovers = names.filter(
    (name) => name.startsWith(prefix) && /^\d+\.tmp$/.test(name.slice(prefix.length))
  )
  for (const name of leftovers) rmSync(join(directory, name), { force: true })
  return leftovers
}

/**
 * Saves coalesced: `save()` resolves once a write that began after the call is on disk. While a
 * write is under way, every call joins the one next write.
 */
export class CoalescedSaver {
  #writing: Promise<void> | undefined
  #next: Promise<void> | undefined
  /** How many times the file was written. */
  writes = 0

  constructor(
    readonly dataFile: string,
    private readonly serialize: () => string
  ) {}

  save(): Promise<void> {
    if (this.#next) return this.#next
    if (!this.#writing) return this.#start()
    const after = this.#writing.catch(() => {})
    this.#next = after.then(() => {
      this.#next = undefined
      return this.#start()
    })
    return this.#next
  }

  /** Resolves when no write is under way or waiting. */
  async settled(): Promise<void> {
    while (this.#writing || this.#next) await (this.#next ?? this.#writing)?.catch(() => {})
  }

  #start(): Promise<void> {
    // Serialized now, synchronously: the write holds every change made before this point.
    let text: string
    try {
      text = this.serialize()
    } catch (error) {
      return Promise.reject(error)
    }
    const writing = this.#write(text).finally(() => {
      if (this.#writing === writing) this.#writing = undefined
    })
    this.#writing = writing
    return writing
  }

  async #write(text: string): Promise<void> {
    await mkdir(dirname(this.dataFile), { recursive: true })
    const temporary = temporaryFileOf(this.dataFile)
    await writeFile(temporary, text)
    await rename(temporary, this.dataFile)
    this.writes++
  }
}
