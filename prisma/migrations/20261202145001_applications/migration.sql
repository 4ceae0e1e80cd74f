-- CreateEnum
CREATE TYPE "ApplicationKind" AS ENUM ('APPLICATION', 'SERVICE_ACCOUNT');

-- CreateTable
CREATE TABLE "applications" (
    "id" UUID NOT NULL,
    "developer_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ApplicationKind" NOT NULL DEFAULT 'APPLICATION',
    "client_id" TEXT NOT NULL,
    "scopes" TEXT[],
    "retiring_secret_id" TEXT,
    "retiring_secret_ends_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "applications_client_id_key" ON "applications"("client_id");

-- CreateIndex
CREATE INDEX "applications_developer_id_created_at_idx" ON "applications"("developer_id", "created_at");

-- CreateIndex
CREATE INDEX "applications_retiring_secret_ends_at_idx" ON "applications"("retiring_secret_ends_at");
