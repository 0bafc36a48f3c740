import { useId } from 'react';
import { formatNumber, t } from '../i18n/i18n';

export interface ChartSeries {
  readonly key: string;
  readonly label: string;
  /** A CSS class (`swatch--…`) that gives the colour; every colour has at least 3:1 contrast on white. */
  readonly tone: string;
}

export interface ChartRow {
  readonly label: string;
  readonly values: Readonly<Record<string, number>>;
}

interface Props {
  readonly title: string;
  readonly caption: string;
  readonly series: readonly ChartSeries[];
  readonly rows: readonly ChartRow[];
  /** Horizontal bars (one row per line, e.g. provinces) or vertical columns (e.g. years). */
  readonly orientation: 'horizontal' | 'vertical';
  /** Heading of the table's first column ("Province", "Année"). */
  readonly rowHeader: string;
}

/**
 * A stacked bar chart drawn with plain HTML and CSS (no chart library): it reflows at any width and prints well.
 * The drawing is hidden from screen readers, who get the same figures as a table.
 */
export function StackedBarChart({ title, caption, series, rows, orientation, rowHeader }: Props) {
  const id = useId();
  const totals = rows.map((row) => series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      <ul className="chart__legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`swatch ${s.tone}`} /> {s.label}
          </li>
        ))}
      </ul>
      <div className={`chart__plot chart__plot--${orientation}`} aria-hidden="true">
        {rows.map((row, i) => (
          <div className="chart__row" key={row.label}>
            <span className="chart__label">{row.label}</span>
            <span className="chart__track">
              <span
                className="chart__bar"
                style={
                  orientation === 'horizontal'
                    ? { width: `${(totals[i]! / max) * 100}%` }
                    : { height: `${(totals[i]! / max) * 100}%` }
                }
              >
                {series.map((s) =>
                  row.values[s.key] ? (
                    <span
                      key={s.key}
                      className={`chart__segment ${s.tone}`}
                      style={{ flexGrow: row.values[s.key] }}
                      title={`${row.label} — ${s.label} : ${formatNumber(row.values[s.key] ?? 0)}`}
                    />
                  ) : null,
                )}
              </span>
            </span>
            <span className="chart__total">{formatNumber(totals[i]!)}</span>
          </div>
        ))}
      </div>
      <details className="chart__data">
        <summary>{t('dashboard.showTable')}</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {series.map((s) => (
                  <th scope="col" key={s.key}>
                    {s.label}
                  </th>
                ))}
                <th scope="col">{t('dashboard.table.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {series.map((s) => (
                    <td key={s.key} className="num">
                      {formatNumber(row.values[s.key] ?? 0)}
                    </td>
                  ))}
                  <td className="num">{formatNumber(totals[i]!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
