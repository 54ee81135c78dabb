-- CreateTable
CREATE TABLE "Shelf" (
    "id" TEXT NOT NULL,
    "parentId" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Shelf_pkey" PRIMARY KEY ("id")
);
