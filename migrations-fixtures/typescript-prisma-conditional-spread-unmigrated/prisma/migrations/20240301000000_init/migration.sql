-- CreateTable
CREATE TABLE "Invitee" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "nudged_at" TIMESTAMP(3),

    CONSTRAINT "Invitee_pkey" PRIMARY KEY ("id")
);
