/**
 * The diagram's drawing surface. Its width follows the step: while columns
 * close or open it widens or narrows with their slide, so the scale that
 * fits it to the screen changes smoothly instead of jumping at the end.
 */
import type { ReactNode } from 'react';
import { stageWidth } from '../../../viz/beats';
import { usePlanFrame } from '../../motion/MotionProvider';

interface Props {
  readonly width: number;
  readonly height: number;
  /** The scale that fits a drawing this wide. */
  readonly scaleFor: (width: number) => number;
  readonly label: string;
  readonly step: number;
  readonly children: ReactNode;
}

export function StageSvg({ width, height, scaleFor, label, step, children }: Props) {
  const w = usePlanFrame((p, t) => Math.round(stageWidth(p, width, t)));
  const scale = scaleFor(w);
  return (
    <svg width={w * scale} height={height * scale} viewBox={`0 0 ${w} ${height}`} role="group" aria-label={label} className="block font-sans" data-step={step}>
      {children}
    </svg>
  );
}
