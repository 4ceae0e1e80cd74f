-- AlterTable
ALTER TABLE "webhook_events" ADD COLUMN     "ignored_reason" TEXT;
