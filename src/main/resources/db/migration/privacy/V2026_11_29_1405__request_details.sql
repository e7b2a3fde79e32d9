-- What the requester asks for, in their words (a correction the pages do not offer, say).
alter table privacy_requests add column details text not null default '';
