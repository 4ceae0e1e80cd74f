-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "application_id" UUID,
ADD COLUMN     "sealed_value" TEXT;

-- CreateIndex
CREATE INDEX "api_keys_application_id_idx" ON "api_keys"("application_id");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE SET NULL ON UPDATE CASCADE;
