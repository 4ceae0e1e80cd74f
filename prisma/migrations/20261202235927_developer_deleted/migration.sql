-- AlterEnum
ALTER TYPE "DeveloperStatus" ADD VALUE 'DELETED';
