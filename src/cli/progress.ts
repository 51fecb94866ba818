/** A one-line progress counter on stderr, redrawn at most ten times a second. */
export class Progress {
  private count = 0;
  private last = 0;
  private shown = false;
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly enabled: boolean,
  ) {}

  tick(label: string): void {
    this.count++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    const text = `${this.count} documents · ${label}`;
    this.stream.write(`\r\x1b[K${text.length > 100 ? text.slice(0, 99) + '…' : text}`);
  }

  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}
