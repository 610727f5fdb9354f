// Tiny inline icons (no icon library in a content script: the bundle stays small).
const box = { viewBox: '0 0 16 16', 'aria-hidden': true as const, focusable: 'false' as const };

/** Auto sync (filled = on, outline = off), like the dashboard's thunderbolt. */
export function Bolt({ on }: { on: boolean }) {
  return (
    <svg {...box}>
      <path d="M9.2 1 3 9.2h4.2L6.4 15l6.6-8.6H8.7L9.2 1Z" fill={on ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
    </svg>
  );
}

export function Spinner() {
  return (
    <svg {...box} className="ss-spin">
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeOpacity=".25" strokeWidth="2" />
      <path d="M8 2a6 6 0 0 1 6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export function Close() {
  return (
    <svg {...box} width="12" height="12">
      <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

/** Shelfsync's mark: two arrows in a circle. */
export function Mark() {
  return (
    <svg {...box}>
      <path d="M13.5 6.5A5.6 5.6 0 0 0 3.3 4.6M2.5 9.5a5.6 5.6 0 0 0 10.2 1.9" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <path d="M3.2 1.8v3h3M12.8 14.2v-3h-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
