/**
 * A horizontal (stacked) bar chart drawn as server-rendered SVG, with its data table beside it:
 * the SVG is a labelled image (title + description) and the table carries the same numbers for
 * screen readers, keyboard users and anyone who prefers figures. No JavaScript.
 */
import { useTranslation } from "react-i18next";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { numberFormat } from "~/utils/format";

/** Colours with at least 3:1 contrast against white and against each other's neighbours' labels. */
export const CHART_COLORS = ["#0b4f8a", "#b3541e", "#1f6b3a", "#6b3fa0", "#7a5c00", "#a4161a"];

export type ChartSeries = { key: string; label: string };
export type ChartRow = { key: string; label: string; values: number[] };

type Props = {
  id: string;
  title: string;
  /** One or two sentences saying what the chart shows and its main finding. */
  description: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** Heading of the table's first column (what a row is). */
  categoryLabel: string;
  rtl?: boolean;
  headingLevel?: 2 | 3;
};

const WIDTH = 640;
const LABEL_WIDTH = 150;
const BAR_AREA = 420;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 20;
const TOP = 6;

export function BarChart({ id, title, description, series, rows, categoryLabel, rtl = false, headingLevel = 3 }: Props) {
  const { t, i18n } = useTranslation("reviews");
  const number = numberFormat(i18n.language);
  const totals = rows.map((row) => row.values.reduce((sum, value) => sum + value, 0));
  const max = Math.max(1, ...totals);
  const height = TOP * 2 + rows.length * ROW_HEIGHT;
  // In right-to-left pages the chart is mirrored: labels on the right, bars growing leftwards.
  const x = (position: number, width = 0) => (rtl ? WIDTH - position - width : position);
  const anchor = (start: boolean) => (start !== rtl ? "start" : "end");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className="chart__title">
        {title}
      </Heading>
      <p id={`${id}-desc`} className="chart__description">
        {description}
      </p>
      {series.length > 1 ? (
        <ul className="chart__legend" aria-hidden="true">
          {series.map((item, index) => (
            <li key={item.key}>
              <svg className="chart__swatch" viewBox="0 0 12 12" width="12" height="12">
                <rect width="12" height="12" fill={CHART_COLORS[index % CHART_COLORS.length]} />
              </svg>
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chart__body">
        <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-svg-title ${id}-desc`} focusable="false">
          <title id={`${id}-svg-title`}>{title}</title>
          {rows.map((row, rowIndex) => {
            const y = TOP + rowIndex * ROW_HEIGHT;
            let offset = LABEL_WIDTH;
            return (
              <g key={row.key}>
                <text x={x(LABEL_WIDTH - 8)} y={y + BAR_HEIGHT / 2 + 5} textAnchor={anchor(false)} className="chart__label">
                  {row.label}
                </text>
                {row.values.map((value, index) => {
                  const width = (value / max) * BAR_AREA;
                  const start = offset;
                  offset += width;
                  if (value === 0) return null;
                  return (
                    <g key={series[index]?.key ?? index}>
                      <rect x={x(start, width)} y={y} width={width} height={BAR_HEIGHT} fill={CHART_COLORS[index % CHART_COLORS.length]} />
                      {width > 26 ? (
                        <text x={x(start + width / 2)} y={y + BAR_HEIGHT / 2 + 5} textAnchor="middle" className="chart__value">
                          {number.format(value)}
                        </text>
                      ) : null}
                    </g>
                  );
                })}
                <text x={x(offset + 6)} y={y + BAR_HEIGHT / 2 + 5} textAnchor={anchor(true)} className="chart__total">
                  {number.format(totals[rowIndex]!)}
                </text>
              </g>
            );
          })}
        </svg>
        <ScrollableTable label={t("chart.dataFor", { title })} className="chart__table">
          <table>
            <caption>{t("chart.dataFor", { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryLabel}</th>
                {series.map((item) => (
                  <th scope="col" key={item.key}>
                    {item.label}
                  </th>
                ))}
                {series.length > 1 ? <th scope="col">{t("chart.total")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {row.values.map((value, index) => (
                    <td key={series[index]?.key ?? index} className="numeric">
                      {number.format(value)}
                    </td>
                  ))}
                  {series.length > 1 ? <td className="numeric">{number.format(totals[rowIndex]!)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      </div>
    </figure>
  );
}
