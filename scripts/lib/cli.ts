/**
 * Ending a command without cutting its output. `process.exit()` right after a large write
 * to a pipe drops whatever the pipe had not taken yet (a pipe holds 64 KiB), so a command
 * writes with `writeOut` and ends with `exitAfterFlush`: both streams are flushed first.
 */

/** Write `text` to stdout; resolves once it is handed to the OS (all of it, even to a full pipe). */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (e) => (e ? reject(e) : resolve()));
  });
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  // A write's callback runs after every earlier write on the stream is done.
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/** Exit with `code` once stdout and stderr have written everything queued on them. */
export async function exitAfterFlush(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
