-- What each transmission cost at its platform, beside the model the user asked for, so that
-- operators can set the platforms' bills against what Kinora charged (issue 14).
alter table provider_transfers
  -- the model the user asked for (an alias); null for rows written before this column
  add column requested_model   text,
  -- the route's published price x the seconds asked, fixed when sent: the estimate of a completed
  -- transmission whose platform reports no cost
  add column listed_cost_usd   numeric(12, 4) check (listed_cost_usd >= 0),
  -- what the platform said it charged, in US dollars (OpenRouter's usage.cost)
  add column reported_cost_usd numeric(14, 6) check (reported_cost_usd >= 0),
  -- the platform's own measure where it gives no price (Kling's credits, fal's billable units,
  -- Replicate's seconds of compute)
  add column reported_units    numeric(14, 4) check (reported_units >= 0),
  add column reported_unit     text,
  add constraint provider_transfers_unit_named check ((reported_units is null) = (reported_unit is null));

-- the console's windows (cost per model, unconfirmed submissions) read by time
create index provider_transfers_sent on provider_transfers (sent_at);
