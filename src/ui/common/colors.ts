/** The CSS colour of an owner hue (a process) or of the host's slate; shared pages use the accent. */
export function hueColor(hue: number | 'host'): string {
  return hue === 'host' ? 'var(--host)' : `var(--owner-${hue})`;
}

/** The colour a table's cells and frame use: the accent when shared, else its owner's hue. */
export function tableColor(shared: boolean, hue: number | 'host'): string {
  return shared ? 'var(--shared)' : hueColor(hue);
}
