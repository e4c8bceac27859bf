/** Icons for the core blocks, in the `BlockIcon` form (a component that renders an SVG). */
import { GitBranch, Play, Reply } from 'lucide-react'
import type { BlockIcon } from '../../blocks/index.js'

export const StartIcon: BlockIcon = (props) => <Play {...props} />
export const ConditionalIcon: BlockIcon = (props) => <GitBranch {...props} />
export const ResponseIcon: BlockIcon = (props) => <Reply {...props} />
