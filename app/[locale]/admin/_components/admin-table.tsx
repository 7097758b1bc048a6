import type { ReactNode } from "react";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** "mono" for numbers QFPay gives (out_trade_no, syssn), which are read character by character. */
  className?: string;
}

/**
 * The admin's tables: a header row, one row per record, `none` (the page's words) when there is nothing. `stacked` tables
 * become one card per record on a phone, each cell under its column's name; the others scroll sideways.
 */
export function AdminTable<Row extends { id: number | string }>({
  columns,
  rows,
  none,
  stacked = false,
}: {
  columns: Column<Row>[];
  rows: Row[];
  /** What an empty table says, in the admin's language ("None."). */
  none: string;
  stacked?: boolean;
}) {
  if (rows.length === 0) return <p className="field-hint">{none}</p>;
  return (
    <div className="table-scroll">
      <table className={`admin-table${stacked ? " admin-table-stacked" : ""}`}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((column) => (
                <td key={column.header} className={column.className} data-label={column.header}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
