/**
 * Wheel to zoom around the pointer, drag to pan, on the address ruler. The
 * new window goes to the worker (which answers with the tables it covers),
 * throttled so a fast wheel does not queue up views.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { AddressWindow } from '../../protocol/messages';
import { clampWindow, zoomWindow } from '../../viz/windowMath';

const THROTTLE_MS = 120;

export function useRulerGestures(ref: RefObject<SVGSVGElement | null>, window_: AddressWindow | null, setWindow: (w: AddressWindow) => void): void {
  const current = useRef(window_);
  current.current = window_;
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: AddressWindow | null = null;
    const send = (w: AddressWindow): void => {
      current.current = w;
      pending = w;
      const wait = Math.max(0, last + THROTTLE_MS - performance.now());
      clearTimeout(timer);
      timer = setTimeout(() => {
        last = performance.now();
        if (pending !== null) setWindow(pending);
        pending = null;
      }, wait);
    };
    const onWheel = (e: WheelEvent): void => {
      const w = current.current;
      if (w === null) return;
      e.preventDefault();
      const box = el.getBoundingClientRect();
      const anchor = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
      send(zoomWindow(w, e.deltaY > 0 ? 2 : 0.5, anchor));
    };
    let drag: { x: number; w: AddressWindow } | null = null;
    const onDown = (e: PointerEvent): void => {
      if (current.current === null) return;
      drag = { x: e.clientX, w: current.current };
      el.setPointerCapture(e.pointerId);
    };
    const onMove = (e: PointerEvent): void => {
      if (drag === null) return;
      const box = el.getBoundingClientRect();
      const span = drag.w.hi - drag.w.lo;
      const shift = -((e.clientX - drag.x) / box.width) * span;
      const next = clampWindow(drag.w.lo + shift, drag.w.hi + shift);
      if (next.lo !== current.current?.lo) send(next);
    };
    const onUp = (): void => {
      drag = null;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    return () => {
      clearTimeout(timer);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
    };
  }, [ref, setWindow]);
}
