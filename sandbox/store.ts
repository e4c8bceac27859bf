/**
 * Accounts, in memory, keyed by the hash of their API key (the key itself is never stored).
 * With a data file, accounts are loaded at start and saved after every change: written to a
 * temporary file, then renamed over the old one, so a crash never leaves half a file. The file
 * is locked to this process while the store is open; saves are coalesced (`persistence.ts`).
 */
import { existsSync, readFileSync } from 'node:fs'
import type { SandboxEvent } from './events.js'
import type { ArmedFault } from './faults.js'
import type { AccountState } from './model.js'
import { CoalescedSaver, DataFileError, DataFileLock, removeTemporaryFiles } from './persistence.js'
import { hashKey } from './random.js'
import { seedAccount } from './seed.js'

/** Any bearer key with this prefix is an account of its own. */
export const SANDBOX_KEY_PREFIX = 'sk_sandbox_'
export const DEMO_KEY = 'sk_sandbox_demo'

export const isSandboxKey = (key: string) =>
  key.startsWith(SANDBOX_KEY_PREFIX) && key.length > SANDBOX_KEY_PREFIX.length

export interface RequestRecord {
  method: string
  path: string
  query: string
  time: string
  /** The status answered; null for a dropped connection. */
  status: number | null
  /** The ID of the fault that hit the request, if any. */
  fault: string | null
}

/** Test tooling, per account and never persisted: armed faults and the request log. */
export interface Runtime {
  faults: ArmedFault[]
  /** How many faults were ever armed: their IDs count up. */
  armedCount: number
  requests: RequestRecord[]
  /** Events raised while handling a request, delivered by webhook once it is answered. */
  outbox: SandboxEvent[]
}

export interface Session {
  /** The account requests act on (a sub-account when `X-Sub-Account-Id` names one). */
  account: AccountState
  /** The key's own account. */
  root: AccountState
  runtime: Runtime
}

const FILE_FORMAT = 'agentphone-sandbox'
const FILE_VERSION = 1
const MAX_LOGGED_REQUESTS = 1_000

interface DataFile {
  format: typeof FILE_FORMAT
  version: typeof FILE_VERSION
  accounts: Record<string, AccountState>
}

export { DataFileError }

function readDataFile(dataFile: string): DataFile {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(dataFile, 'utf8'))
  } catch (error) {
    throw new DataFileError(dataFile, (error as Error).message)
  }
  const { format, version, accounts } = (data ?? {}) as Partial<DataFile>
  if (
    format !== FILE_FORMAT ||
    version !== FILE_VERSION ||
    typeof accounts !== 'object' ||
    accounts === null ||
    Array.isArray(accounts)
  ) {
    throw new DataFileError(
      dataFile,
      `not an AgentPhone sandbox data file (format ${FILE_FORMAT} v${FILE_VERSION})`
    )
  }
  return data as DataFile
}

export class Store {
  readonly #accounts = new Map<string, AccountState>()
  readonly #runtimes = new Map<string, Runtime>()

  readonly #saver: CoalescedSaver | undefined
  readonly #lock: DataFileLock | undefined

  private constructor(
    readonly dataFile: string | undefined,
    lock?: DataFileLock
  ) {
    this.#lock = lock
    this.#saver = dataFile ? new CoalescedSaver(dataFile, () => this.#serialize()) : undefined
  }

  /**
   * A store, with the accounts saved in `dataFile` when it exists. The file is locked to this
   * process until `close()`; a second store on it is refused with a DataFileError.
   */
  static open(dataFile?: string): Store {
    if (!dataFile) return new Store(undefined)
    const lock = DataFileLock.acquire(dataFile)
    try {
      removeTemporaryFiles(dataFile)
      const store = new Store(dataFile, lock)
      if (existsSync(dataFile)) {
        for (const [hash, account] of Object.entries(readDataFile(dataFile).accounts))
          store.#accounts.set(hash, account)
      }
      return store
    } catch (error) {
      lock.release()
      throw error
    }
  }

  /** The key's account, created and seeded on first use. */
  session(key: string, now: number): { session: Session; created: boolean } {
    const hash = hashKey(key)
    let account = this.#accounts.get(hash)
    const created = !account
    if (!account) {
      account = seedAccount(hash, now)
      this.#accounts.set(hash, account)
    }
    let runtime = this.#runtimes.get(hash)
    if (!runtime) {
      runtime = { faults: [], armedCount: 0, requests: [], outbox: [] }
      this.#runtimes.set(hash, runtime)
    }
    return { session: { account, root: account, runtime }, created }
  }

  /** The account and call with this ID, whichever account (or sub-account) holds it. */
  findCall(
    callId: string
  ): { account: AccountState; call: AccountState['calls'][number] } | undefined {
    for (const root of this.#accounts.values()) {
      for (const account of [root, ...(root.subAccounts ?? []).map((sub) => sub.state)]) {
        const call = account.calls.find((candidate) => candidate.id === callId)
        if (call) return { account, call }
      }
    }
    return undefined
  }

  logRequest(runtime: Runtime, record: RequestRecord): void {
    runtime.requests.push(record)
    if (runtime.requests.length > MAX_LOGGED_REQUESTS) runtime.requests.shift()
  }

  /**
   * Writes every account to the data file, if there is one; resolves once a write that began
   * after this call is on disk. Calls made while a write is under way share the next one.
   */
  save(): Promise<void> {
    return this.#saver?.save() ?? Promise.resolve()
  }

  /** How many times the data file was written. */
  get writes(): number {
    return this.#saver?.writes ?? 0
  }

  /** Waits for pending saves, then lets another process use the data file. */
  async close(): Promise<void> {
    try {
      await this.#saver?.settled()
    } finally {
      this.#lock?.release()
    }
  }

  #serialize(): string {
    const data: DataFile = {
      format: FILE_FORMAT,
      version: FILE_VERSION,
      accounts: Object.fromEntries(this.#accounts),
    }
    return JSON.stringify(data)
  }
}
