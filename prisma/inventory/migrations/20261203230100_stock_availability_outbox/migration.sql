-- Inventory publishes availability changes (catalog keeps a local copy to filter by): a version
-- per product and an outbox written by a trigger, in the transaction of the change itself.

-- AlterTable
ALTER TABLE "StockLevel" ADD COLUMN     "version" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "StockOutboxEvent" (
    "id" BIGSERIAL NOT NULL,
    "productId" UUID NOT NULL,
    "inStock" BOOLEAN NOT NULL,
    "available" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockOutboxEvent_pkey" PRIMARY KEY ("id")
);

-- Every change to a StockLevel row bumps its version (rows are locked by the change, so versions
-- of one product are strictly increasing in commit order). A change that flips the product
-- between available and sold out writes an event: every code path (admin stock changes,
-- reservations, commits, releases, expiries) is covered without each one having to remember.
CREATE FUNCTION "stock_level_publish_availability"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was_in_stock BOOLEAN := TG_OP = 'UPDATE' AND OLD."onHand" - OLD."reserved" > 0;
    is_in_stock BOOLEAN := NEW."onHand" - NEW."reserved" > 0;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        NEW."version" := OLD."version" + 1;
    ELSE
        NEW."version" := 1;
    END IF;
    IF is_in_stock IS DISTINCT FROM was_in_stock THEN
        INSERT INTO "StockOutboxEvent" ("productId", "inStock", "available", "version")
        VALUES (NEW."productId", is_in_stock, NEW."onHand" - NEW."reserved", NEW."version");
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER "StockLevel_publish_availability"
    BEFORE INSERT OR UPDATE OF "onHand", "reserved" ON "StockLevel"
    FOR EACH ROW EXECUTE FUNCTION "stock_level_publish_availability"();
