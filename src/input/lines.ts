/**
 * Splits a byte stream into lines (without their `\n` or `\r\n`), holding one line at a time: a 1 GB
 * JSONL file is never in memory at once. A long line that spans many chunks is joined once.
 */
export async function* byteLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl);
      yield withoutCr(pending.length === 0 ? piece : Buffer.concat([...pending, piece]));
      pending = [];
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield withoutCr(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
}

/** Splits a stream of decoded text into lines the same way. */
export async function* textLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      const line = pending + chunk.slice(start, nl);
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      pending = '';
      start = nl + 1;
    }
    pending += chunk.slice(start);
  }
  if (pending !== '') yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
}

function withoutCr(line: Uint8Array): Uint8Array {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
}
