import { describe, expect, it } from 'vitest'
import { evaluateExpression } from '../../workflow/expression.js'
import { EMPTY, type Token } from '../../workflow/references.js'

const values: Record<string, unknown> = {
  '<a.stage>': 'qualified',
  '<a.count>': 7,
  '<a.text>': '7',
  '<a.flag>': false,
  '<a.tags>': ['vip', 'new'],
  '<a.meta>': { stage: 'booked', nested: { n: 1 } },
  '<a.none>': null,
  '<a.skipped>': EMPTY,
  '<a.tricky>': "x' || true || '",
}
const resolve = (token: Token) => {
  if (!(token.text in values)) throw new Error(`unknown ${token.text}`)
  return values[token.text]
}
const evaluate = (expression: string) => evaluateExpression(expression, resolve)

describe('condition expressions', () => {
  it.each([
    ["<a.stage> === 'qualified'", true],
    ['<a.stage> === "lost"', false],
    ['<a.stage> !== "lost"', true],
    ['<a.count> > 5 && <a.count> <= 7', true],
    ['<a.count> < 5 || <a.flag>', false],
    ['!<a.flag>', true],
    ['<a.count> == <a.text>', true],
    ['<a.count> === <a.text>', false],
    ['<a.count> != "7"', false],
    ['<a.count> % 2 === 1 && <a.count> * 2 - 4 === 10 && <a.count> / 7 === 1', true],
    ['-<a.count> < 0 && +<a.text> === 7', true],
    ["<a.meta>.stage === 'booked'", true],
    ["<a.meta>['nested'].n === 1", true],
    ['<a.tags>.length === 2 && <a.tags>[0] === "vip"', true],
    ["<a.tags>.includes('new')", true],
    ["<a.stage>.startsWith('qual') && <a.stage>.endsWith('ied')", true],
    ["<a.stage>.toUpperCase() === 'QUALIFIED'", true],
    ["['won', 'qualified'].includes(<a.stage>)", true],
    ['<a.none> === null && <a.skipped> === null', true],
    ['<a.none> ?? true', true],
    ['<a.count> > 3 ? <a.flag> : true', false],
    ['<a.missing>', 'unknown <a.missing>'],
    ['true', true],
    ['0', false],
    ["'text'", true],
    ['', false],
    ['   ', false],
    // A value cannot change the expression: it is bound, never spliced into the text.
    ["<a.tricky> === 'x'", false],
    ['<a.meta>.constructor === undefined && <a.meta>.__proto__ === undefined', true],
  ])('%s → %s', (expression, expected) => {
    if (typeof expected === 'string') expect(() => evaluate(expression)).toThrow(expected)
    else expect(evaluate(expression)).toBe(expected)
  })

  it.each([
    ['exit()', 'only methods such as .includes() can be called'],
    ['process.exit()', 'unknown name "process"'],
    ['<a.stage>.constructor("x")', 'constructor() is not available on string'],
    ['<a.meta>.toString()', 'toString() is not available on object'],
    ['stage === 1', 'unknown name "stage": write references as <block.field> and text in quotes'],
    ['this', 'ThisExpression is not supported in a condition'],
    ['<a.count> >>> 1', 'the operator >>> is not supported'],
    ['<a.count> ===', 'cannot read the expression: Expected expression after ==='],
    ['<a.count>; true', 'write one expression, not several'],
    ['<a.none>.stage', 'cannot read "stage" of null'],
  ])('%s is refused: %s', (expression, error) => {
    expect(() => evaluate(expression)).toThrow(error)
  })
})
