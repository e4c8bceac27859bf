/**
 * The editor at `/`: the built app from `dist/editor` when it exists (any path that is not a file
 * gets its `index.html`, for client-side routes), else a page saying how to build it.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { Context } from 'hono'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

const NOT_BUILT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>AgentPhone workflows</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>The editor is not built</h1>
<p>Build it with <code>npm run build:editor</code> (it goes to <code>dist/editor</code>), then reload this page.</p>
<p>Meanwhile the server is up: the workflow API is under <a href="/api/workflows"><code>/api</code></a>
and the AgentPhone sandbox under <code>/agentphone</code> (e.g. <code>/agentphone/v1/numbers</code>, demo key
<code>sk_sandbox_demo</code>). Run a workflow from a terminal with
<code>npm run workflow -- run examples/text-customer.json</code>.</p>
</body>
</html>
`

async function isFile(path: string) {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

export function editorHandler(editorDir: string) {
  const root = normalize(editorDir)
  return async (c: Context) => {
    const index = join(root, 'index.html')
    if (!(await isFile(index))) return c.html(NOT_BUILT)
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname)
    } catch {
      pathname = '/'
    }
    const wanted = normalize(join(root, pathname))
    const inside = wanted === root || wanted.startsWith(root.endsWith(sep) ? root : root + sep)
    const path = inside && (await isFile(wanted)) ? wanted : index
    const type = TYPES[extname(path)] ?? 'application/octet-stream'
    return c.body(await readFile(path), 200, { 'Content-Type': type })
  }
}
