/** `npm start`: the local AgentPhone sandbox, with ready-to-paste commands that call tools on it. */
import { runSandbox } from '../sandbox/serve.js'

await runSandbox(process.argv.slice(2), { examples: true })
