import { BasePresenter } from "./basePresenter.server";

export class QueueListPresenter extends BasePresenter {
  // Inherited from BasePresenter: a client of the project's alias type.
  async call() {
    return this._replica.queue.findMany({ select: { id: true, limitPercent: true } });
  }
}
