import '@xyflow/react/dist/style.css'
import './styles.css'
import { ReactFlowProvider } from '@xyflow/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.js'
import { registry } from './registry.js'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')
createRoot(root).render(
  <StrictMode>
    <ReactFlowProvider>
      <App registry={registry} />
    </ReactFlowProvider>
  </StrictMode>
)
