/** The Condition block's `conditions` value: a list, or the JSON text of one, of branches. */
import { z } from 'zod'

export const CONDITION_HANDLE_PREFIX = 'condition-'

const branchSchema = z
  .object({ id: z.string().min(1), title: z.string(), value: z.unknown() })
  .loose()
  .transform((branch) => ({
    id: branch.id,
    title: branch.title,
    value: branch.value == null ? '' : String(branch.value),
  }))

export type ConditionBranch = z.output<typeof branchSchema>

/** Sim's `isElseConditionTitle`. */
export const isElse = (branch: ConditionBranch) => branch.title.trim().toLowerCase() === 'else'

/** The branches; throws an Error saying what is wrong with the value. */
export function branchesOf(value: unknown): ConditionBranch[] {
  let list = value
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value || '[]')
    } catch (error) {
      throw new Error(`conditions is not valid JSON (${(error as Error).message})`)
    }
  }
  const parsed = z.array(branchSchema).safeParse(list ?? [])
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    throw new Error(`conditions must be a list of {id, title, value}${where}: ${issue?.message}`)
  }
  return parsed.data
}
