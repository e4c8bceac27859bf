import { agentphoneBody, agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  type AgentPhoneCreateNumberParams,
  type AgentPhoneCreateNumberResult,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneCreateNumberTool: ToolConfig<
  AgentPhoneCreateNumberParams,
  AgentPhoneCreateNumberResult
> = {
  id: 'agentphone_create_number',
  name: 'Create Phone Number',
  description: 'Provision a new SMS- and voice-enabled phone number',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    country: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'Two-letter country code (e.g. US, CA). Defaults to US.',
    },
    areaCode: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description:
        'Preferred area code (US/CA only, e.g. "415"). Best-effort — may be ignored if unavailable.',
    },
    agentId: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'Optionally attach the number to an agent immediately',
    },
  },

  request: {
    url: (params) => agentphoneUrl(agentphoneCreateNumberTool, params, '/v1/numbers'),
    method: 'POST',
    headers: (params) => agentphoneHeaders(agentphoneCreateNumberTool, params),
    body: (params) =>
      agentphoneBody(agentphoneCreateNumberTool, params, ['country', 'areaCode', 'agentId']),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneCreateNumberTool),

  outputs: {
    id: { type: 'string', description: 'Unique phone number ID' },
    phoneNumber: { type: 'string', description: 'Provisioned phone number in E.164 format' },
    country: { type: 'string', description: 'Two-letter country code' },
    status: { type: 'string', description: 'Number status (e.g. active)' },
    type: { type: 'string', description: 'Number type (e.g. sms)' },
    agentId: { type: 'string', description: 'Agent the number is attached to' },
    createdAt: { type: 'string', description: 'ISO 8601 timestamp when the number was created' },
  },
}
