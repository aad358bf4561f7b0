export interface HeaderColumn {
  label: string;
  className: string;
}

/** A table's header: one row of column headers, each with its own classes (alignment, padding). */
export function TableHead({
  columns,
  className,
  rowClassName,
}: {
  columns: readonly HeaderColumn[];
  className: string;
  rowClassName?: string;
}) {
  return (
    <thead className={className}>
      <tr className={rowClassName}>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={column.className}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
