import type { PrismaClient } from "@prisma/client";

// The client's types under the project's own names.
export type PrismaTransactionClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$transaction">;
export type PrismaClientOrTransaction = PrismaClient | PrismaTransactionClient;
export type PrismaReplicaClient = Omit<PrismaClient, "$transaction">;

// Not a client: a union with something else.
export type MaybeClient = PrismaClient | undefined;
