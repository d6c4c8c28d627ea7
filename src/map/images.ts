/** Images made in the browser (no sprite is fetched). */
import { GAP_COLOUR } from './palette';

/** A 12×12 px diagonal hatch in the gap colour. */
export function hatchPattern(): { width: number; height: number; data: Uint8Array } {
  const size = 12;
  const data = new Uint8Array(size * size * 4);
  const v = Number.parseInt(GAP_COLOUR.slice(1), 16);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size <= 2;
      const o = (y * size + x) * 4;
      data[o] = (v >> 16) & 255;
      data[o + 1] = (v >> 8) & 255;
      data[o + 2] = v & 255;
      data[o + 3] = on ? 220 : 40;
    }
  }
  return { width: size, height: size, data };
}
