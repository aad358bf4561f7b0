/**
 * What a window's figures cover: the part of the window the stored data holds (`null`s when none),
 * `complete` when it spans the whole window up to the step in progress.
 */
export interface WindowCoverage {
  from: string | null;
  to: string | null;
  complete: boolean;
}
