-- Wakes the outbox relay (LISTEN outbox_event) when an event is written, so it publishes within
-- milliseconds instead of at its next poll. The notification is delivered at commit, and several
-- in one transaction are merged into one.
CREATE FUNCTION "notify_outbox_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox_event', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "OutboxEvent_notify" AFTER INSERT ON "OutboxEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_outbox_event"();
