-- CreateTable
CREATE TABLE "meter_reports" (
    "developer_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "requests" BIGINT NOT NULL,
    "identifier" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meter_reports_pkey" PRIMARY KEY ("developer_id","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "meter_reports_identifier_key" ON "meter_reports"("identifier");
