/** SVG patterns the diagram shares: PTE cell borders, the dirty mark, the PROT_NONE hatch. */
export function DiagramDefs({ cell }: { cell: number }) {
  const r = Math.max(0.8, cell * 0.17);
  return (
    <defs>
      <pattern id="cell-grid" width={cell} height={cell} patternUnits="userSpaceOnUse">
        <path d={`M${cell},0V${cell}H0`} fill="none" stroke="var(--cell-grid)" strokeWidth={1} />
      </pattern>
      <pattern id="dirty-dots" width={cell} height={cell} patternUnits="userSpaceOnUse">
        <circle cx={cell / 2} cy={cell / 2} r={r} fill="var(--dirty-dot)" opacity={0.6} />
      </pattern>
      <pattern id="hatch" width={4} height={4} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width={4} height={4} fill="var(--cell-empty)" />
        <path d="M0,0V4" stroke="var(--muted)" strokeWidth={1.5} />
      </pattern>
    </defs>
  );
}
