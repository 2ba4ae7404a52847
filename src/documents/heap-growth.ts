// How far V8 lets the heap grow between full collections, for the document
// commands (issue 14, peak memory). After each mark-compact V8 sets the next
// one's threshold at the live heap times a factor it picks from how fast it
// collects — up to 4 on a machine with a large heap limit. A document command
// is a burst of short-lived garbage over a live set that peaks during a
// table's width estimate (every cell's measured text at once: ~80 MB of heap
// and ~40 MB of buffers at 5,000 problems), so the factor, not the live data,
// set the peak: `report` at 5,000 problems peaked at 360–440 MB from one run
// to the next, `packet` at 350–410 MB. With the factor held at 2.5 both stay
// at 350–375 MB over repeated runs, at the same CPU time (bench/README.md,
// session 24).
//
// V8 reads the flag at every mark-compact (heap-controller.cc GrowingFactor),
// so it takes effect when set at run time; Node's documentation warns that a
// flag set after start-up may do nothing, in which case only the memory
// figure is lost. The heap limit (--max-old-space-size) still bounds the heap:
// V8 never sets a threshold beyond halfway to it.

import { setFlagsFromString } from 'node:v8';

/** The heap may grow to 2.5 × its live size between full collections (V8's `--heap-growing-percent`). */
export const HEAP_GROWING_PERCENT = 150;

/** Hold V8's heap growth at HEAP_GROWING_PERCENT for the rest of the process; a flag given on Node's command line wins. */
export function limitHeapGrowth(): void {
  if (process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
