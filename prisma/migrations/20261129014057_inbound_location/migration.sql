-- AlterTable
ALTER TABLE "inbound_messages" ADD COLUMN "location" TEXT;
