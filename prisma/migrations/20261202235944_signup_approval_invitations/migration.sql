-- AlterEnum
ALTER TYPE "DeveloperStatus" ADD VALUE 'PENDING';

-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "admin" BOOLEAN NOT NULL DEFAULT false,
    "invited_by" TEXT,
    "accepted_at" TIMESTAMPTZ(3),
    "last_sent_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitations_email_key" ON "invitations"("email");

-- CreateIndex
CREATE INDEX "invitations_created_at_id_idx" ON "invitations"("created_at", "id");
