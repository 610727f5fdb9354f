// Tooltips and pickers float in the page layer, positioned from the control that opened them
// (fixed to the viewport, following it on scroll), so a console's overflow never clips them.
import { useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { LayerContext } from './context';

export interface FloatingProps {
  anchor: Element | null;
  className: string;
  children: ReactNode;
  /** Approximate size used to keep it inside the viewport. */
  width: number;
  role?: string;
  'data-shelfsync'?: string;
  onRef?: (el: HTMLDivElement | null) => void;
  label?: string;
}

function place(anchor: Element | null, width: number, height: number): { top: number; left: number } {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  if (!anchor || !anchor.isConnected) return { top: Math.round(vh * 0.18), left: Math.max(8, Math.round((vw - width) / 2)) };
  const r = anchor.getBoundingClientRect();
  const below = r.bottom + 6;
  const top = below + height > vh - 8 && r.top - height - 6 > 8 ? r.top - height - 6 : below;
  const left = Math.min(Math.max(8, r.left), Math.max(8, vw - width - 8));
  return { top: Math.round(top), left: Math.round(left) };
}

export function Floating({ anchor, className, children, width, role, onRef, label, ...rest }: FloatingProps) {
  const layer = useContext(LayerContext);
  const ref = useRef<HTMLDivElement | null>(null);
  const [pos, setPos] = useState(() => place(anchor, width, 0));
  useLayoutEffect(() => {
    const update = () => setPos(place(anchor, width, ref.current?.offsetHeight ?? 0));
    update();
    window.addEventListener('scroll', update, { capture: true, passive: true });
    window.addEventListener('resize', update, { passive: true });
    // Content that arrives later (a preview answered after opening) changes the height: placed
    // again so a picker opened from the toolbar at the bottom flips above it, whole.
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    if (ref.current) resized?.observe(ref.current);
    return () => {
      window.removeEventListener('scroll', update, { capture: true });
      window.removeEventListener('resize', update);
      resized?.disconnect();
    };
  }, [anchor, width]);
  const node = (
    <div
      ref={(el) => {
        ref.current = el;
        onRef?.(el);
      }}
      className={className}
      role={role}
      aria-label={label}
      data-shelfsync={rest['data-shelfsync']}
      style={{ top: pos.top, left: pos.left }}
    >
      {children}
    </div>
  );
  return layer ? createPortal(node, layer) : node;
}
