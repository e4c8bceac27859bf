/**
 * Condition expressions, parsed by jsep and evaluated by this small interpreter: no `eval`, no
 * `new Function`, nothing reachable but the values given. The subset is the one Sim's condition
 * examples use: literals, references, comparison (`===`, `==`, `<`, …), boolean logic (`&&`,
 * `||`, `!`, `??`, `? :`), arithmetic, `length`, and a few read-only string/list methods.
 * References arrive as bound names: `<agentphone1.metadata.stage> === 'qualified'` is parsed as
 * `__ref0 === 'qualified'` with `__ref0` bound to the resolved value, so a value can never change
 * the expression's meaning.
 */
import jsep from 'jsep'
import { EMPTY, type Token, tokensOf } from './references.js'

const PLACEHOLDER = '__ref'

/** Methods callable on a string or list: pure reads, no callbacks. */
const METHODS = new Set([
  'includes',
  'startsWith',
  'endsWith',
  'indexOf',
  'toLowerCase',
  'toUpperCase',
  'trim',
])

export class ExpressionError extends Error {
  override name = 'ExpressionError'
}

/** The expression with each reference replaced by a placeholder name, and the tokens in order. */
export function bindReferences(expression: string): { source: string; tokens: Token[] } {
  const tokens = tokensOf(expression)
  let source = ''
  let cursor = 0
  tokens.forEach((token, index) => {
    source += `${expression.slice(cursor, token.index)} ${PLACEHOLDER}${index} `
    cursor = token.index + token.text.length
  })
  return { source: source + expression.slice(cursor), tokens }
}

const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value

function member(object: unknown, key: unknown): unknown {
  if (object === null || object === undefined) {
    throw new ExpressionError(`cannot read "${String(key)}" of ${String(object)}`)
  }
  if ((typeof object === 'string' || Array.isArray(object)) && key === 'length') {
    return object.length
  }
  if (typeof object === 'object' && (typeof key === 'string' || typeof key === 'number')) {
    return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined
  }
  return undefined
}

function call(target: unknown, method: string, args: unknown[]): unknown {
  if (!METHODS.has(method) || (typeof target !== 'string' && !Array.isArray(target))) {
    throw new ExpressionError(`${method}() is not available on ${describe(target)}`)
  }
  const [first, second] = args
  if (Array.isArray(target)) {
    if (method === 'includes') return target.includes(first)
    if (method === 'indexOf') return target.indexOf(first)
    throw new ExpressionError(`${method}() is not available on a list`)
  }
  switch (method) {
    case 'includes':
      return target.includes(String(first), second as number | undefined)
    case 'startsWith':
      return target.startsWith(String(first), second as number | undefined)
    case 'endsWith':
      return target.endsWith(String(first), second as number | undefined)
    case 'indexOf':
      return target.indexOf(String(first), second as number | undefined)
    case 'toLowerCase':
      return target.toLowerCase()
    case 'toUpperCase':
      return target.toUpperCase()
    default:
      return target.trim()
  }
}

// biome-ignore lint/suspicious/noExplicitAny: JS operator semantics on arbitrary values, on purpose
type Any = any

function binary(operator: string, left: Any, right: Any): unknown {
  switch (operator) {
    case '===':
      return left === right
    case '!==':
      return left !== right
    case '==':
      // biome-ignore lint/suspicious/noDoubleEquals: the expression asked for loose equality
      return left == right
    case '!=':
      // biome-ignore lint/suspicious/noDoubleEquals: the expression asked for loose inequality
      return left != right
    case '<':
      return left < right
    case '>':
      return left > right
    case '<=':
      return left <= right
    case '>=':
      return left >= right
    case '+':
      return left + right
    case '-':
      return left - right
    case '*':
      return left * right
    case '/':
      return left / right
    case '%':
      return left % right
    default:
      throw new ExpressionError(`the operator ${operator} is not supported`)
  }
}

function evaluate(node: jsep.Expression, bound: unknown[]): unknown {
  switch (node.type) {
    case 'Literal':
      return (node as jsep.Literal).value
    case 'Identifier': {
      const { name } = node as jsep.Identifier
      if (name === 'undefined') return undefined
      const index = name.startsWith(PLACEHOLDER) ? Number(name.slice(PLACEHOLDER.length)) : NaN
      if (Number.isInteger(index) && index < bound.length) {
        const value = bound[index]
        return value === EMPTY ? null : value
      }
      throw new ExpressionError(
        `unknown name "${name}": write references as <block.field> and text in quotes`
      )
    }
    case 'MemberExpression': {
      const { object, property, computed } = node as jsep.MemberExpression
      const key = computed ? evaluate(property, bound) : (property as jsep.Identifier).name
      return member(evaluate(object, bound), key)
    }
    case 'CallExpression': {
      const { callee, arguments: args } = node as jsep.CallExpression
      if (callee.type !== 'MemberExpression' || (callee as jsep.MemberExpression).computed) {
        throw new ExpressionError('only methods such as .includes() can be called')
      }
      const { object, property } = callee as jsep.MemberExpression
      const method = (property as jsep.Identifier).name
      return call(
        evaluate(object, bound),
        method,
        args.map((arg) => evaluate(arg, bound))
      )
    }
    case 'UnaryExpression': {
      const { operator, argument } = node as jsep.UnaryExpression
      const value = evaluate(argument, bound) as Any
      if (operator === '!') return !value
      if (operator === '-') return -value
      if (operator === '+') return +value
      throw new ExpressionError(`the operator ${operator} is not supported`)
    }
    case 'BinaryExpression': {
      const { operator, left, right } = node as jsep.BinaryExpression
      if (operator === '&&') return evaluate(left, bound) && evaluate(right, bound)
      if (operator === '||') return evaluate(left, bound) || evaluate(right, bound)
      if (operator === '??') return evaluate(left, bound) ?? evaluate(right, bound)
      return binary(operator, evaluate(left, bound), evaluate(right, bound))
    }
    case 'ConditionalExpression': {
      const { test, consequent, alternate } = node as jsep.ConditionalExpression
      return evaluate(test, bound) ? evaluate(consequent, bound) : evaluate(alternate, bound)
    }
    case 'ArrayExpression':
      return (node as jsep.ArrayExpression).elements.map((element) =>
        element ? evaluate(element, bound) : undefined
      )
    default:
      throw new ExpressionError(`${node.type} is not supported in a condition`)
  }
}

/**
 * The expression's truth, with `resolve` giving each reference's value. An empty expression is
 * false (as in Sim). Throws an ExpressionError for syntax it cannot read or an unknown name, and
 * whatever `resolve` throws for a reference it cannot resolve.
 */
export function evaluateExpression(
  expression: string,
  resolve: (token: Token) => unknown
): boolean {
  if (expression.trim() === '') return false
  const { source, tokens } = bindReferences(expression)
  let tree: jsep.Expression
  try {
    tree = jsep(source)
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/ at character \d+$/, '') : ''
    throw new ExpressionError(`cannot read the expression: ${reason}`)
  }
  if (tree.type === 'Compound') throw new ExpressionError('write one expression, not several')
  const bound = tokens.map(resolve)
  return Boolean(evaluate(tree, bound))
}
