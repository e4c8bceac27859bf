/** `npm run sandbox -- --port 4010 [--data FILE]` */
import { runSandbox } from './serve.js'

await runSandbox(process.argv.slice(2))
