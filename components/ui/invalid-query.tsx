import Link from "next/link";

/** A page link whose parameters do not validate: say which, and offer the page without them. */
export function InvalidQuery({
  problems,
  resetHref,
}: {
  problems: { field: string; message: string }[];
  resetHref: string;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm dark:border-red-900/60 dark:bg-red-950/40"
    >
      <p className="font-medium text-red-800 dark:text-red-300">This link has parameters ImageFleet cannot use</p>
      <ul className="mt-1 list-inside list-disc text-red-700 dark:text-red-400">
        {problems.map((p) => (
          <li key={`${p.field}:${p.message}`}>
            <code>{p.field}</code>: {p.message}
          </li>
        ))}
      </ul>
      <Link href={resetHref} className="mt-2 inline-block font-medium text-red-800 underline dark:text-red-300">
        Show the page without them
      </Link>
    </div>
  );
}
