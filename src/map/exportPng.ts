/**
 * The map as a PNG with a legend and the attribution drawn in: the next frame is copied
 * while it is still in the drawing buffer, so no preserveDrawingBuffer is needed.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface PngLegend {
  title: string;
  rows: { colour: string; label: string }[];
  attribution: string;
}

function drawLegend(ctx: CanvasRenderingContext2D, legend: PngLegend, cw: number, ch: number): void {
  const w = 230;
  const h = 30 + legend.rows.length * 20;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(10, 10, w, h);
  ctx.fillStyle = '#1c313a';
  ctx.font = 'bold 13px sans-serif';
  ctx.fillText(legend.title, 18, 28);
  ctx.font = '12px sans-serif';
  legend.rows.forEach((row, i) => {
    ctx.fillStyle = row.colour;
    ctx.fillRect(18, 38 + i * 20, 14, 12);
    ctx.fillStyle = '#1c313a';
    ctx.fillText(row.label, 40, 49 + i * 20);
  });
  const attributionWidth = ctx.measureText(legend.attribution).width + 12;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(cw - attributionWidth, ch - 20, attributionWidth, 20);
  ctx.fillStyle = '#333333';
  ctx.fillText(legend.attribution, cw - attributionWidth + 6, ch - 6);
}

export function exportMapPng(map: MapLibreMap, legend: PngLegend): Promise<Blob> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const out = document.createElement('canvas');
      out.width = src.width;
      out.height = src.height;
      const ctx = out.getContext('2d');
      if (!ctx) return reject(new Error('no 2D canvas'));
      ctx.drawImage(src, 0, 0);
      const scale = src.width / src.clientWidth;
      ctx.scale(scale, scale);
      drawLegend(ctx, legend, src.clientWidth, src.clientHeight);
      out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
    });
    map.triggerRepaint();
  });
}
