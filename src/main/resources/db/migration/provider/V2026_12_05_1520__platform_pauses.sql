-- Platforms an operator paused from the console: no new jobs go there, on any node, until resumed.
create table provider_pauses (
  platform  text primary key,
  paused_at timestamptz not null,
  reason    text        not null
);
