import { apiPath, defineAgentPhoneTool } from './define.js'
import { out } from './outputs.js'
import { params } from './params.js'

export const releaseNumberTool = defineAgentPhoneTool({
  operation: 'release_number',
  name: 'AgentPhone Release Number',
  description: 'Release (delete) a phone number. This action is irreversible.',
  params: {
    numberId: params.id('ID of the phone number to release').required(),
  },
  method: 'DELETE',
  path: (p) => apiPath`/v1/numbers/${p.numberId}`,
  outputs: {
    id: out.string('ID of the released phone number'),
    released: out.boolean('Whether the number was released successfully'),
  },
  // The 200 body is unspecified; the official client reads `{success, …}`. Trust a 2xx unless
  // the body says otherwise.
  fromResponse: (body, p) => ({
    id: p.numberId,
    released: (body as { success?: unknown } | undefined)?.success !== false,
  }),
})
