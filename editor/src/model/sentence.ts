/**
 * A card's summary sentence, from the block's `canvasPresentation` as Sim reads it: literal copy,
 * and for each clause the first shown-and-filled field as a chip (a core clause shows the field's
 * noun while it is empty; any other clause is dropped whole until its field is filled).
 */
import {
  type BlockConfig,
  type BlockValues,
  type EditorSubBlock,
  isShown,
  optionLabel,
  presentationOf,
  subBlocksOf,
  titleOf,
} from './config.js'

export type SentencePart =
  | { kind: 'text'; text: string }
  | { kind: 'chip'; text: string; field: string; empty: boolean }

const isFilled = (value: unknown) =>
  value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')

/** How an empty field reads mid-sentence: its `canvasNoun`, else its title with an article. */
export function nounOf(subBlock: EditorSubBlock): string {
  if (subBlock.canvasNoun) return subBlock.canvasNoun
  const title = titleOf(subBlock).toLowerCase()
  return `${/^[aeiou]/.test(title) ? 'an' : 'a'} ${title}`
}

const MASK = '••••••••'

function chipText(subBlock: EditorSubBlock, value: unknown): string {
  if (subBlock.password && !/^\{\{[^}]+\}\}$/.test(String(value))) return MASK
  if (subBlock.type === 'dropdown' || subBlock.type === 'combobox') {
    return optionLabel(subBlock, value)
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

/** The sentence for the block's values, or null when the block declares none. */
export function sentenceOf(
  config: BlockConfig,
  values: BlockValues,
  advanced = true
): SentencePart[] | null {
  const presentation = presentationOf(config)
  const sentences = presentation?.sentences
  if (!sentences) return null
  const operationField = presentation.operationSubBlockId ?? 'operation'
  const operation = values[operationField]
  const clauses =
    (typeof operation === 'string' ? sentences.byOperation?.[operation] : undefined) ??
    sentences.default
  if (!clauses) return null
  const subBlocks = subBlocksOf(config)
  const parts: SentencePart[] = []
  for (const clause of clauses) {
    if (typeof clause === 'string') {
      parts.push({ kind: 'text', text: clause })
      continue
    }
    const ids = typeof clause.field === 'string' ? [clause.field] : [...clause.field]
    const candidates = ids
      .map((id) => subBlocks.find((subBlock) => subBlock.id === id))
      .filter((subBlock): subBlock is EditorSubBlock => subBlock !== undefined)
      .filter((subBlock) => isShown(subBlock, values, advanced) || isShown(subBlock, values, true))
    const filled = candidates.find((subBlock) => isFilled(values[subBlock.id]))
    const first = candidates[0]
    if (!filled && !(clause.core && first)) continue
    if (clause.text) parts.push({ kind: 'text', text: clause.text })
    if (filled) {
      parts.push({
        kind: 'chip',
        text: chipText(filled, values[filled.id]),
        field: filled.id,
        empty: false,
      })
    } else if (first) {
      parts.push({ kind: 'chip', text: nounOf(first), field: first.id, empty: true })
    }
    if (clause.after) parts.push({ kind: 'text', text: clause.after })
  }
  return parts
}

/** The sentence as plain text, with spacing as it reads on the card. */
export const sentenceText = (parts: SentencePart[]) =>
  parts
    .map((part) => part.text)
    .join(' ')
    .replace(/\s+([,.;:])/g, '$1')
