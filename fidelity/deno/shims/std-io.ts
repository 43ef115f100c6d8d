// Local stand-in for jsr:@std/io (jsr is not reachable from CI): the one function the 1.62.0
// Deno runtime uses. Writes every byte of `data`, looping over partial writes.
export async function writeAll(writer: { write(p: Uint8Array): Promise<number> }, data: Uint8Array): Promise<void> {
  let written = 0;
  while (written < data.length) {
    written += await writer.write(data.subarray(written));
  }
}
