import { type CSSProperties } from 'react';

const paletteSize = 8;

/** Sets `--series-color` to the palette entry for a group (styles.css defines --series-0…7 for light and dark). */
export function seriesColor(colorIndex: number): CSSProperties {
  return { '--series-color': `var(--series-${colorIndex % paletteSize})` } as CSSProperties;
}
