// Small stroke icons (16 px, currentColor) for the controls; decorative, so hidden from assistive tech.
import { memo } from "react";

const paths = {
  play: <path d="M5 3.5v9l7.5-4.5z" fill="currentColor" stroke="none" />,
  pause: (
    <g fill="currentColor" stroke="none">
      <rect x="4" y="3.5" width="3" height="9" rx="0.6" />
      <rect x="9" y="3.5" width="3" height="9" rx="0.6" />
    </g>
  ),
  stepBack: (
    <g>
      <path d="M12 3.5v9L6 8z" fill="currentColor" stroke="none" />
      <path d="M4.5 3.5v9" />
    </g>
  ),
  step: (
    <g>
      <path d="M4 3.5v9L10 8z" fill="currentColor" stroke="none" />
      <path d="M11.5 3.5v9" />
    </g>
  ),
  undo: <path d="M6 4 3 7l3 3M3.5 7H10a3 3 0 0 1 0 6H8" />,
  redo: <path d="m10 4 3 3-3 3M12.5 7H6a3 3 0 0 0 0 6h2" />,
  reset: <path d="M3.5 8a4.5 4.5 0 1 0 1.4-3.3M3.5 2.5v2.6h2.6" />,
  sun: (
    <g>
      <circle cx="8" cy="8" r="2.8" />
      <path d="M8 1.5v1.6M8 12.9v1.6M1.5 8h1.6M12.9 8h1.6M3.4 3.4l1.1 1.1M11.5 11.5l1.1 1.1M3.4 12.6l1.1-1.1M11.5 4.5l1.1-1.1" />
    </g>
  ),
  moon: <path d="M12.8 10.2A5.5 5.5 0 0 1 5.8 3.2a5.5 5.5 0 1 0 7 7z" />,
  projector: (
    <g>
      <rect x="2" y="3" width="12" height="8" rx="1" />
      <path d="M8 11v2.5M5.5 13.5h5" />
    </g>
  ),
  keyboard: (
    <g>
      <rect x="1.5" y="4" width="13" height="8" rx="1.2" />
      <path d="M4 6.5h1M7 6.5h1M10 6.5h1M4.5 9.5h7" />
    </g>
  ),
  send: <path d="M2.5 8h9M8.5 4.5 12 8l-3.5 3.5" />,
  close: <path d="m4 4 8 8M12 4l-8 8" />,
} as const;

type IconName = keyof typeof paths;

export const Icon = memo(function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="kh-icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
});
