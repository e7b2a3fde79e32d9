-- The operator's platforms page lists the latest failed transmissions, newest first.
create index provider_transfers_finished on provider_transfers (finished_at desc)
    where finished_at is not null;
