/** Text written in chunks of about CHUNK_CHARS: one stream write per line would cost more than the line. */
export const CHUNK_CHARS = 64 * 1024;

/** Gathers pieces of text into chunks; `flush()` returns the chunk when it is full (or `force`), else null. */
export class Chunker {
  private parts: string[] = [];
  private size = 0;

  add(text: string): string | null {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= CHUNK_CHARS ? this.flush() : null;
  }

  flush(): string | null {
    if (this.size === 0) return null;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return chunk;
  }
}

/** The pieces a writer makes, as chunks. */
export async function* chunked(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  const chunker = new Chunker();
  for await (const piece of pieces) {
    const chunk = chunker.add(piece);
    if (chunk !== null) yield chunk;
  }
  const rest = chunker.flush();
  if (rest !== null) yield rest;
}
