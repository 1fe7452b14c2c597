// SPDX-License-Identifier: MIT
/**
 * Exports of the trial figures (hand-drawn SVG): the SVG itself with its styles, a PNG rendered from it, and the
 * plotted numbers as CSV, each file named after the trial.
 */
import type { ReactNode, RefObject } from 'react';
import { downloadBlob, exportFileName } from '../plots/export.js';

/** The figures' styles, inside each SVG so an exported file looks as it does on screen. */
export const FIGURE_CSS = `
.trial-svg { font-family: system-ui, sans-serif; }
.trial-svg text { font-size: 15px; fill: #222; }
.trial-svg .zero { stroke: #888; stroke-dasharray: 3 3; }
.trial-svg .ci { stroke: #1f5fa8; stroke-width: 2; }
.trial-svg .mean { fill: #1f5fa8; }
.trial-svg .box { fill: #dbe8f6; stroke: #1f5fa8; }
.trial-svg .whisker, .trial-svg .median { stroke: #1f5fa8; }
.trial-svg .median { stroke-width: 2; }
.trial-svg .dot { fill: #333; opacity: 0.45; }
.trial-svg .tick line { stroke: #888; }
`;

function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.viewBox.baseVal;
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  return new XMLSerializer().serializeToString(copy);
}

function pngOf(svg: SVGSVGElement): Promise<Blob | null> {
  const box = svg.viewBox.baseVal;
  const scale = 2;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = box.width * scale;
      canvas.height = box.height * scale;
      const ctx = canvas.getContext('2d');
      if (!ctx) return resolve(null);
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(resolve, 'image/png');
    };
    image.onerror = () => resolve(null);
    image.src = url;
  });
}

/** PNG, SVG and CSV buttons for one figure; `stem` names the trial in the file names. */
export function FigureExports(props: {
  svg: RefObject<SVGSVGElement | null>;
  id: string;
  stem: string;
  title: string;
  csv: () => string;
}): ReactNode {
  const name = (extension: string): string => exportFileName(props.id, extension, props.stem);
  return (
    <div className="chart-tools" role="toolbar" aria-label={`${props.title}: export`}>
      <button
        type="button"
        onClick={() => {
          const svg = props.svg.current;
          if (svg) void pngOf(svg).then((blob) => blob && downloadBlob(blob, name('png')));
        }}
      >
        PNG
      </button>
      <button
        type="button"
        onClick={() => {
          const svg = props.svg.current;
          if (svg) downloadBlob(new Blob([svgText(svg)], { type: 'image/svg+xml' }), name('svg'));
        }}
      >
        SVG
      </button>
      <button
        type="button"
        onClick={() => downloadBlob(new Blob([props.csv()], { type: 'text/csv' }), name('csv'))}
      >
        CSV
      </button>
    </div>
  );
}
