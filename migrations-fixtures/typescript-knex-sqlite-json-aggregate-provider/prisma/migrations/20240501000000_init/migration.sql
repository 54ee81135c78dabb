-- CreateTable
CREATE TABLE "field_value" (
    "id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "amounts" JSONB,
    "created_time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "field_value_pkey" PRIMARY KEY ("id")
);
