import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { callTranscript, transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  type AgentPhoneGetCallTranscriptParams,
  type AgentPhoneGetCallTranscriptResult,
  TRANSCRIPT_ENTRY_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneGetCallTranscriptTool: ToolConfig<
  AgentPhoneGetCallTranscriptParams,
  AgentPhoneGetCallTranscriptResult
> = {
  id: 'agentphone_get_call_transcript',
  name: 'Get Call Transcript',
  description: 'Get the full ordered transcript for a call',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    callId: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'ID of the call to retrieve the transcript for',
    },
  },

  request: {
    url: (params) =>
      agentphoneUrl(agentphoneGetCallTranscriptTool, params, '/v1/calls/{callId}/transcript'),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneGetCallTranscriptTool, params),
  },

  transformResponse: (response, params) =>
    transformAgentPhoneResponse(
      response,
      agentphoneGetCallTranscriptTool,
      callTranscript(params?.callId.trim())
    ),

  outputs: {
    callId: { type: 'string', description: 'Call ID' },
    transcript: {
      type: 'array',
      description: 'Ordered transcript turns for the call',
      items: { type: 'object', properties: TRANSCRIPT_ENTRY_OUTPUT_PROPERTIES },
    },
  },
}
