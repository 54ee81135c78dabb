CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);
