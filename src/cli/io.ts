/** What the CLI reads and writes: process streams in `bin/`, in-memory streams in tests. */
export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export function processIO(): CliIO {
  return {
    // Node makes process.stdin on first access, a stream over a terminal, pipe or file that loads
    // several modules: only a run that reads stdin or asks whether it is a terminal pays for it.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
}

/** Exit codes: what a shell script can branch on. */
export const EXIT = { ok: 0, someInputsFailed: 1, usage: 2, interrupted: 130 } as const;
