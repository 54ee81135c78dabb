export class Pipeline<C> {
  private handlers: Array<(input: unknown, ctx: C) => Promise<unknown>> = [];
  step(handler: (input: unknown, ctx: C) => Promise<unknown>) {
    this.handlers.push(handler);
    return this;
  }
}
