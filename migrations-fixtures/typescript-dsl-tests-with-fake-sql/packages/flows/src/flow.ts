export type Handler<C> = (input: unknown, context: C) => Promise<unknown>;

export class Flow<C> {
  private steps: Handler<C>[] = [];
  step(handler: Handler<C>) {
    this.steps.push(handler);
    return this;
  }
}
