import type { SVGProps } from 'react'

/**
 * The AgentPhone mark: a handset with a speech bubble, for an API that gives agents both calls
 * and messages. Drawn on a 24×24 grid in `currentColor`, so it takes the text color around it.
 * Its `<title>` names it "AgentPhone"; an `aria-label` passed in takes precedence.
 */
export function AgentPhoneIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      role="img"
      {...props}
    >
      <title>AgentPhone</title>
      <path d="M4.7 4.5h2.6a1 1 0 0 1 .93.63l1.2 3a1 1 0 0 1-.3 1.14L7.5 10.6a11.5 11.5 0 0 0 5.4 5.4l1.33-1.63a1 1 0 0 1 1.14-.3l3 1.2a1 1 0 0 1 .63.93v2.6a1.7 1.7 0 0 1-1.85 1.7A15.6 15.6 0 0 1 3 6.35 1.7 1.7 0 0 1 4.7 4.5Z" />
      <path d="M14 3.75h5.25a1.75 1.75 0 0 1 1.75 1.75v3a1.75 1.75 0 0 1-1.75 1.75H17l-2.25 1.9v-1.9h-.75a1.75 1.75 0 0 1-1.75-1.75v-3a1.75 1.75 0 0 1 1.75-1.75Z" />
      <g fill="currentColor" stroke="none">
        <circle cx={14.9} cy={7} r={0.85} />
        <circle cx={17.1} cy={7} r={0.85} />
        <circle cx={19.3} cy={7} r={0.85} />
      </g>
    </svg>
  )
}
