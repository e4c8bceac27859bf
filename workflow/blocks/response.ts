/** Sim's Response block: shapes the workflow's final output (`data`, `status`, `headers`). */
import type { BlockConfig } from '../../blocks/index.js'
import { ResponseIcon } from './icons.js'

export const ResponseBlock: BlockConfig = {
  type: 'response',
  name: 'Response',
  description: 'Send structured API response',
  longDescription:
    'Integrate Response into the workflow. Can send build or edit structured responses into a final workflow response.',
  docsLink: 'https://docs.sim.ai/workflows/blocks/response',
  category: 'blocks',
  bgColor: '#2F55FF',
  icon: ResponseIcon,
  subBlocks: [
    {
      id: 'dataMode',
      title: 'Response Data Mode',
      type: 'dropdown',
      // Sim also has a "Builder" mode (`structured`); this runtime runs the JSON editor mode.
      options: [{ label: 'Editor', id: 'json' }],
      value: () => 'json',
    },
    {
      id: 'data',
      title: 'Response Data',
      type: 'code',
      language: 'json',
      placeholder: '{\n  "message": "Hello world"\n}',
      condition: { field: 'dataMode', value: 'json' },
      description: 'JSON with <block.field> references and {{ENV}} values.',
    },
    {
      id: 'status',
      title: 'Status Code',
      type: 'short-input',
      placeholder: '200',
      description: 'HTTP status code (default: 200)',
    },
    {
      id: 'headers',
      title: 'Response Headers',
      type: 'table',
    },
  ],
  tools: { access: [] },
  inputs: {
    dataMode: { type: 'string', description: 'Response data definition mode' },
    data: { type: 'json', description: 'JSON response body' },
    status: { type: 'number', description: 'HTTP status code' },
    headers: { type: 'json', description: 'Response headers' },
  },
  outputs: {
    data: { type: 'json', description: 'Response data' },
    status: { type: 'number', description: 'HTTP status code' },
    headers: { type: 'json', description: 'Response headers' },
  },
}
