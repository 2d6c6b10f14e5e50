-- One database per subgraph on one server; each subgraph's migrations create its tables.
CREATE DATABASE commerce_accounts;
CREATE DATABASE commerce_catalog;
CREATE DATABASE commerce_inventory;
CREATE DATABASE commerce_orders;
CREATE DATABASE commerce_payments;
CREATE DATABASE commerce_notifications;
