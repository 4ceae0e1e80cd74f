-- CreateTable
CREATE TABLE "gateway_key_placements" (
    "key_id" UUID NOT NULL,
    "gateway_key_id" TEXT NOT NULL,
    "plan_id" TEXT,
    "enabled" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "gateway_key_placements_pkey" PRIMARY KEY ("key_id")
);
