/**
 * Places a popover menu under its button, inside the window: `position: fixed`, so a panel that
 * scrolls (the Apps panel) does not clip it, and shifted left or right so it never opens past
 * an edge of the window. CSS `zoom` (presenter mode) scales fixed lengths inside the zoomed
 * element, so the window coordinates are divided by the element's zoom.
 */
import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';

const MARGIN = 8;

function zoomOf(el: Element): number {
  const z = (el as Element & { currentCSSZoom?: number }).currentCSSZoom;
  return typeof z === 'number' && z > 0 ? z : 1;
}

export function useMenuPosition(open: boolean, button: RefObject<HTMLElement | null>, widthPx: number): CSSProperties | undefined {
  const [style, setStyle] = useState<CSSProperties | undefined>(undefined);
  useLayoutEffect(() => {
    if (!open) {
      setStyle(undefined);
      return;
    }
    const place = () => {
      const el = button.current;
      if (!el) return;
      const zoom = zoomOf(el);
      const r = el.getBoundingClientRect();
      const onScreen = Math.min(widthPx * zoom, window.innerWidth - 2 * MARGIN);
      // Prefer the menu's left edge at the button's left; move it left as far as the window needs.
      const left = Math.max(MARGIN, Math.min(r.left, window.innerWidth - onScreen - MARGIN));
      const top = r.bottom + 4;
      setStyle({
        position: 'fixed',
        left: left / zoom,
        top: top / zoom,
        right: 'auto',
        width: onScreen / zoom,
        maxHeight: Math.max(120, window.innerHeight - top - MARGIN) / zoom,
      });
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open, button, widthPx]);
  return style;
}
