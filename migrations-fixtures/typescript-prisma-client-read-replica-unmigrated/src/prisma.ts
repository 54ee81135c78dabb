import { PrismaClient } from "@prisma/client";
import { readReplicas } from "@prisma/extension-read-replicas";

const prisma = new PrismaClient().$extends(readReplicas({ url: process.env.REPLICA_URL! }));
export default prisma;
