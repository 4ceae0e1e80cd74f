-- CreateTable
CREATE TABLE "security_audit_runs" (
    "id" BIGSERIAL NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "driver" TEXT NOT NULL,
    "pass" INTEGER NOT NULL,
    "warn" INTEGER NOT NULL,
    "fail" INTEGER NOT NULL,
    "findings" JSONB NOT NULL,
    "new_fails" TEXT[],

    CONSTRAINT "security_audit_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "security_audit_runs_checked_at_idx" ON "security_audit_runs"("checked_at");
