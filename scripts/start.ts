/** Prints what the package offers. (The sandbox issue gives `npm start` its real job.) */
import { agentphoneTools } from '../tools/index.js'

const tools = Object.values(agentphoneTools)
console.log(`agentphone-block: ${tools.length} AgentPhone tools`)
for (const tool of tools) console.log(`  ${tool.id.padEnd(38)} ${tool.description}`)
