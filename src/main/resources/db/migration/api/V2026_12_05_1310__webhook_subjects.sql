-- Webhook deliveries of events that are not about a video (credits.low): each delivery names what
-- it is about as its subject (a video id, or the hold whose charge crossed the low-credits
-- threshold), and an event still reaches an endpoint once per subject.
alter table webhook_deliveries add column subject text;
update webhook_deliveries set subject = video_id;
alter table webhook_deliveries alter column subject set not null;
alter table webhook_deliveries alter column video_id drop not null;
alter table webhook_deliveries drop constraint webhook_deliveries_endpoint_id_event_type_video_id_key;
alter table webhook_deliveries add constraint webhook_deliveries_once unique (endpoint_id, event_type, subject);
