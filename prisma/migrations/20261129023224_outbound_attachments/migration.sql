-- AlterTable
ALTER TABLE "outbound_messages" ADD COLUMN "attachments" TEXT;
