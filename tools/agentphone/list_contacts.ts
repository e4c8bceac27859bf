import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  type AgentPhoneListContactsParams,
  type AgentPhoneListContactsResult,
  CONTACT_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneListContactsTool: ToolConfig<
  AgentPhoneListContactsParams,
  AgentPhoneListContactsResult
> = {
  id: 'agentphone_list_contacts',
  name: 'List Contacts',
  description: 'List contacts for this AgentPhone account',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    search: {
      type: 'string',
      required: false,
      visibility: 'user-or-llm',
      description: 'Filter by name or phone number (case-insensitive contains)',
    },
    limit: {
      type: 'number',
      required: false,
      visibility: 'user-or-llm',
      description: 'Number of results to return (default 50)',
    },
    offset: {
      type: 'number',
      required: false,
      visibility: 'user-or-llm',
      description: 'Number of results to skip (min 0)',
    },
  },

  request: {
    url: (params) =>
      agentphoneUrl(agentphoneListContactsTool, params, '/v1/contacts', [
        'limit',
        'offset',
        'search',
      ]),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneListContactsTool, params),
  },

  transformResponse: (response) =>
    transformAgentPhoneResponse(response, agentphoneListContactsTool),

  outputs: {
    data: {
      type: 'array',
      description: 'Contacts',
      items: { type: 'object', properties: CONTACT_OUTPUT_PROPERTIES },
    },
    hasMore: { type: 'boolean', description: 'Whether more results are available' },
    total: { type: 'number', description: 'Total number of contacts' },
  },
}
