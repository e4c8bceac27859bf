import { agentphoneHeaders, agentphoneUrl } from '@/tools/agentphone/request'
import { transformAgentPhoneResponse } from '@/tools/agentphone/response'
import {
  AGENTPHONE_API_KEY_PARAMS,
  AGENTPHONE_DEFAULT_WAIT_SECONDS,
  type AgentPhoneGetCallParams,
  type AgentPhoneGetCallResult,
  CALL_OUTPUT_PROPERTIES,
  TRANSCRIPT_TURN_OUTPUT_PROPERTIES,
} from '@/tools/agentphone/types'
import type { ToolConfig } from '@/tools/types'

export const agentphoneGetCallTool: ToolConfig<AgentPhoneGetCallParams, AgentPhoneGetCallResult> = {
  id: 'agentphone_get_call',
  name: 'Get Call',
  description: 'Fetch a call and its full transcript',
  version: '1.0.0',

  params: {
    ...AGENTPHONE_API_KEY_PARAMS,
    callId: {
      type: 'string',
      required: true,
      visibility: 'user-or-llm',
      description: 'ID of the call to retrieve',
    },
    wait: {
      type: 'boolean',
      required: false,
      visibility: 'user-or-llm',
      description:
        'Wait for the call to finish (completed, failed or canceled) before answering, so the transcript is complete',
    },
    timeoutSeconds: {
      type: 'number',
      required: false,
      visibility: 'user-or-llm',
      description:
        'With wait: answer after this many seconds even if the call is still going (1-300, default 120)',
    },
  },

  request: {
    url: (params) =>
      agentphoneUrl(agentphoneGetCallTool, params, '/v1/calls/{callId}', (valid) =>
        valid.wait
          ? { wait: true, timeout: valid.timeoutSeconds ?? AGENTPHONE_DEFAULT_WAIT_SECONDS }
          : {}
      ),
    method: 'GET',
    headers: (params) => agentphoneHeaders(agentphoneGetCallTool, params),
  },

  transformResponse: (response) => transformAgentPhoneResponse(response, agentphoneGetCallTool),

  outputs: {
    id: CALL_OUTPUT_PROPERTIES.id,
    agentId: CALL_OUTPUT_PROPERTIES.agentId,
    phoneNumberId: { type: 'string', description: 'Phone number ID' },
    phoneNumber: CALL_OUTPUT_PROPERTIES.phoneNumber,
    fromNumber: CALL_OUTPUT_PROPERTIES.fromNumber,
    toNumber: CALL_OUTPUT_PROPERTIES.toNumber,
    direction: CALL_OUTPUT_PROPERTIES.direction,
    status: CALL_OUTPUT_PROPERTIES.status,
    startedAt: CALL_OUTPUT_PROPERTIES.startedAt,
    endedAt: CALL_OUTPUT_PROPERTIES.endedAt,
    durationSeconds: CALL_OUTPUT_PROPERTIES.durationSeconds,
    lastTranscriptSnippet: CALL_OUTPUT_PROPERTIES.lastTranscriptSnippet,
    recordingUrl: CALL_OUTPUT_PROPERTIES.recordingUrl,
    recordingAvailable: CALL_OUTPUT_PROPERTIES.recordingAvailable,
    transcripts: {
      type: 'array',
      description: 'Ordered transcript turns for the call',
      items: { type: 'object', properties: TRANSCRIPT_TURN_OUTPUT_PROPERTIES },
    },
  },
}
