interface InvoiceCache {
  invoice: { update(args: unknown): Promise<void> };
}

// `tx` here is a cache with a Prisma-like shape, not a client: nothing of the database is asked.
export const remember = async ({ id, tx }: { id: string; tx: InvoiceCache }) => {
  await tx.invoice.update({ where: { id }, data: { paidAt: new Date() } });
};
