import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  type AgentPhoneReleaseNumberParams,
  type AgentPhoneReleaseNumberResult,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneReleaseNumberTool: ToolConfig<
  AgentPhoneReleaseNumberParams,
  AgentPhoneReleaseNumberResult
> = {
  id: 'agentphone_release_number',
  name: 'Release Phone Number',
  description: 'Release (delete) a phone number. This action is irreversible.',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    numberId: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'ID of the phone number to release',
    },
  },

  request: {
    url: (params) => agentphoneUrl(agentphoneReleaseNumberTool, params, '/v1/numbers/{numberId}'),
    method: 'DELETE',
    headers: (params) => agentphoneHeaders(agentphoneReleaseNumberTool, params),
  },

  transformResponse: (response, params) =>
    // The 200 body is unspecified; the official client reads `{success, …}`. Trust a 2xx unless
    // the body says otherwise.
    transformAgentPhoneResponse(response, agentphoneReleaseNumberTool, (body) => ({
      id: params?.numberId.trim(),
      released: (body as { success?: unknown } | undefined)?.success !== false,
    })),

  outputs: {
    id: { type: 'string', description: 'ID of the released phone number' },
    released: { type: 'boolean', description: 'Whether the number was released successfully' },
  },
}
