-- A cancelled order's units go back on sale, whether they were still held or already committed.

-- AlterEnum
ALTER TYPE "ReservationStatus" ADD VALUE 'RETURNED';

-- AlterEnum
ALTER TYPE "StockMovementKind" ADD VALUE 'RETURN';
