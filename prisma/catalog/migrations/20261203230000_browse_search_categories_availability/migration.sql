-- Browsing: categories, full-text search, indexes for every filter and order, and catalog's
-- local copy of stock availability (kept from inventory's events by the catalog worker).

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "categoryId" UUID;

-- Prisma cannot express generated columns: the search document is computed by PostgreSQL from
-- name (weight A, ranks higher) and description (weight B), so no code path can forget it.
ALTER TABLE "Product" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', "name"), 'A') || setweight(to_tsvector('english', "description"), 'B')
) STORED;

-- CreateTable
CREATE TABLE "Category" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductAvailability" (
    "productId" UUID NOT NULL,
    "inStock" BOOLEAN NOT NULL,
    "version" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductAvailability_pkey" PRIMARY KEY ("productId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Category_slug_key" ON "Category"("slug");

-- CreateIndex
CREATE INDEX "Product_priceAmount_id_idx" ON "Product"("priceAmount", "id");

-- CreateIndex
CREATE INDEX "Product_name_id_idx" ON "Product"("name", "id");

-- CreateIndex
CREATE INDEX "Product_categoryId_id_idx" ON "Product"("categoryId", "id");

-- CreateIndex
CREATE INDEX "Product_categoryId_priceAmount_id_idx" ON "Product"("categoryId", "priceAmount", "id");

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Full-text search over the generated document.
CREATE INDEX "Product_searchVector_idx" ON "Product" USING GIN ("searchVector");

-- Typo tolerance: trigram word similarity on the name ("hedphones" still finds "Headphones").
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Product_name_trgm_idx" ON "Product" USING GIN ("name" gin_trgm_ops);

-- The in-stock filter reads only available products.
CREATE INDEX "ProductAvailability_inStock_idx" ON "ProductAvailability"("productId") WHERE "inStock";
