alter table generations
  add column poster_key         text,
  add column sprite_key         text,
  add column sprite_columns     int,
  add column sprite_rows        int,
  add column sprite_tile_width  int,
  add column sprite_tile_height int,
  add column sprite_interval_ms bigint;
