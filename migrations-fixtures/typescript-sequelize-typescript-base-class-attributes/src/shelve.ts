import Board from "./models/Board";

export async function shelve(id: string) {
  await Board.update({ shelvedAt: new Date() }, { where: { id } });
}
