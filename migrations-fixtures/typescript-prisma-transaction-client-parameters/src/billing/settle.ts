import { Prisma } from "@prisma/client";

// A transaction's client handed in as a parameter.
export async function settle(id: string, tx: Prisma.TransactionClient) {
  await tx.invoice.update({ where: { id }, data: { paidAt: new Date() } });
}

// The same, destructured from an options object.
export const settleAll = async ({ ids, tx }: { ids: string[]; tx: Prisma.TransactionClient }) => {
  await tx.invoice.updateMany({ where: { id: { in: ids } }, data: { paidAt: new Date() } });
};
