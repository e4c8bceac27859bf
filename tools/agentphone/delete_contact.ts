import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  AGENTPHONE_CONTACT_ID_PARAMS,
  type AgentPhoneDeleteContactParams,
  type AgentPhoneDeleteContactResult,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneDeleteContactTool: ToolConfig<
  AgentPhoneDeleteContactParams,
  AgentPhoneDeleteContactResult
> = {
  id: 'agentphone_delete_contact',
  name: 'Delete Contact',
  description: 'Delete a contact by ID',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    ...AGENTPHONE_CONTACT_ID_PARAMS,
  },

  request: {
    url: (params) => agentphoneUrl(agentphoneDeleteContactTool, params, '/v1/contacts/{contactId}'),
    method: 'DELETE',
    headers: (params) => agentphoneHeaders(agentphoneDeleteContactTool, params),
  },

  transformResponse: (response, params) =>
    // 204 No Content: the outputs come from the request, not the (empty) body.
    transformAgentPhoneResponse(response, agentphoneDeleteContactTool, () => ({
      id: params?.contactId.trim(),
      deleted: true,
    })),

  outputs: {
    id: { type: 'string', description: 'ID of the deleted contact' },
    deleted: { type: 'boolean', description: 'Whether the contact was deleted successfully' },
  },
}
