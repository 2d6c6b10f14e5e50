-- Notices for the rest of the order lifecycle: cancelled (and refunded) orders, shipped orders.

-- AlterEnum
ALTER TYPE "NotificationTemplate" ADD VALUE 'ORDER_CANCELLED';

-- AlterEnum
ALTER TYPE "NotificationTemplate" ADD VALUE 'ORDER_SHIPPED';
