import { formatUsd } from "@/components/admin/format";

const COLOURS = ["#6366f1", "#10b981", "#f59e0b", "#ef4444", "#0ea5e9", "#a855f7", "#64748b"];

export interface DailySpend {
  day: string;
  provider: string;
  costUsd: number;
}

/** Spend per day stacked by provider, as a small accessible SVG bar chart with a table fallback for readers. */
export function SpendChart({ daily }: { daily: DailySpend[] }) {
  const days = [...new Set(daily.map((entry) => entry.day))].sort();
  const providers = [...new Set(daily.map((entry) => entry.provider))];
  const byDay = new Map(days.map((day) => [day, daily.filter((entry) => entry.day === day)]));
  const max = Math.max(...days.map((day) => (byDay.get(day) ?? []).reduce((sum, entry) => sum + entry.costUsd, 0)), 0);
  const width = 640;
  const height = 180;
  const barWidth = days.length ? Math.max(2, Math.min(40, (width - 40) / days.length - 4)) : 0;
  if (days.length === 0) return <p className="text-sm text-zinc-500">No spend in this range.</p>;
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height + 20}`} className="h-auto w-full" role="img" aria-label={`Daily spend from ${days[0]} to ${days.at(-1)}, peak ${formatUsd(max)}`}>
        <line x1={36} x2={width} y1={height} y2={height} stroke="currentColor" strokeOpacity={0.2} />
        <text x={0} y={10} fontSize={10} fill="currentColor" opacity={0.6}>
          {formatUsd(max)}
        </text>
        {days.map((day, dayIndex) => {
          let y = height;
          const x = 40 + dayIndex * ((width - 40) / days.length);
          return (
            <g key={day}>
              {(byDay.get(day) ?? []).map((entry) => {
                const barHeight = max > 0 ? (entry.costUsd / max) * (height - 16) : 0;
                y -= barHeight;
                return (
                  <rect key={entry.provider} x={x} y={y} width={barWidth} height={barHeight} fill={COLOURS[providers.indexOf(entry.provider) % COLOURS.length]}>
                    <title>{`${day} ${entry.provider}: ${formatUsd(entry.costUsd)}`}</title>
                  </rect>
                );
              })}
              {dayIndex === 0 || dayIndex === days.length - 1 ? (
                <text x={x} y={height + 14} fontSize={10} fill="currentColor" opacity={0.6}>
                  {day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-3 text-xs text-zinc-600 dark:text-zinc-400">
        {providers.map((provider, index) => (
          <span key={provider} className="inline-flex items-center gap-1">
            <span aria-hidden className="inline-block h-2 w-2 rounded-sm" style={{ background: COLOURS[index % COLOURS.length] }} />
            {provider}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
