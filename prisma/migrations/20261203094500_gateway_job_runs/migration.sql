-- CreateTable
CREATE TABLE "gateway_job_runs" (
    "id" UUID NOT NULL,
    "job" TEXT NOT NULL,
    "dry_run" BOOLEAN NOT NULL DEFAULT false,
    "triggered_by" TEXT NOT NULL,
    "triggered_by_admin_id" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "result" JSONB,
    "error" TEXT,

    CONSTRAINT "gateway_job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "gateway_job_runs_job_started_at_idx" ON "gateway_job_runs"("job", "started_at");
