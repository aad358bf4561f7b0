"use client";

import { ACTION_CLASS } from "./button-style";

/** The browser's print dialog: the print stylesheet turns the report into a clean document (or PDF). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={`no-print ${ACTION_CLASS}`}>
      Print / PDF
    </button>
  );
}
