// A hand-drawn SVG chart of chosen lines over the fiscal years (oldest left), drawn at the width it is given (so
// text stays legible on a phone). Positions come from the decimal strings through Number(): drawing only, never a
// figure shown or exported (point tooltips print the exact string).
import { useEffect, useRef, useState } from 'preact/hooks';
import { compactNumber, formatFigure } from '../lib/format';

export interface Series {
  key: string;
  label: string;
  points: { year: number; value: string | null }[];
}

const COLORS = ['#1d4ed8', '#b45309', '#047857', '#be123c', '#6d28d9', '#0e7490'];
const HEIGHT = 260;
const PAD = { left: 56, right: 20, top: 14, bottom: 28 };

function ticks(min: number, max: number, count = 5): number[] {
  const span = max - min || Math.abs(max) || 1;
  const step = 10 ** Math.floor(Math.log10(span / count));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => span / s <= count) ?? step * 10;
  const out: number[] = [];
  for (let v = Math.floor(min / nice) * nice; v <= max + nice / 2; v += nice) out.push(Number(v.toPrecision(12)));
  return out;
}

export function LineChart({ series, years, unit }: { series: Series[]; years: number[]; unit: string }) {
  const area = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);

  const ordered = [...years].sort((a, b) => a - b);
  const values = series.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => Number(p.value)));
  const axis = values.length ? ticks(Math.min(0, ...values), Math.max(0, ...values)) : [];
  const lo = axis[0] ?? 0;
  const hi = axis[axis.length - 1] ?? 1;
  const x = (year: number) =>
    ordered.length === 1 ? (PAD.left + width - PAD.right) / 2 : PAD.left + (ordered.indexOf(year) / (ordered.length - 1)) * (width - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo || 1)) * (HEIGHT - PAD.top - PAD.bottom);

  return (
    <figure class="chart">
      <div class="chart-area" ref={area}>
        {!series.length || !values.length ? (
          <p class="chart-empty muted">Tick the box beside a line to chart it over the years.</p>
        ) : (
          width > 0 && (
            <svg width={width} height={HEIGHT} role="img" aria-label={`Chart of ${series.map((s) => s.label).join(', ')} by fiscal year, ${unit}`}>
              {axis.map((t) => (
                <g key={t}>
                  <line x1={PAD.left} x2={width - PAD.right} y1={y(t)} y2={y(t)} class={t === 0 ? 'axis-zero' : 'grid'} />
                  <text x={PAD.left - 8} y={y(t) + 4} text-anchor="end" class="tick">
                    {compactNumber(t)}
                  </text>
                </g>
              ))}
              {ordered.map((year) => (
                <text key={year} x={x(year)} y={HEIGHT - 8} text-anchor="middle" class="tick">
                  {year}
                </text>
              ))}
              {series.map((s, i) => {
                const pts = ordered
                  .map((year) => s.points.find((p) => p.year === year))
                  .filter((p): p is { year: number; value: string } => !!p && p.value !== null);
                const color = COLORS[i % COLORS.length];
                return (
                  <g key={s.key}>
                    <polyline fill="none" stroke={color} stroke-width="2.5" points={pts.map((p) => `${x(p.year)},${y(Number(p.value))}`).join(' ')} />
                    {pts.map((p) => (
                      <circle key={p.year} cx={x(p.year)} cy={y(Number(p.value))} r="4" fill={color}>
                        <title>{`${s.label}, FY ${p.year}: ${formatFigure(p.value)}`}</title>
                      </circle>
                    ))}
                  </g>
                );
              })}
            </svg>
          )
        )}
      </div>
      <figcaption class="legend">
        {series.map((s, i) => (
          <span key={s.key}>
            <i style={{ background: COLORS[i % COLORS.length] }} aria-hidden="true" />
            {s.label}
          </span>
        ))}
        <span class="muted">{unit}</span>
      </figcaption>
    </figure>
  );
}
