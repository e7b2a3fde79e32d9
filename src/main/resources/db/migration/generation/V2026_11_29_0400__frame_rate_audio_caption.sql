alter table generations
  add column fps            int     not null default 30 check (fps between 1 and 120),
  add column generate_audio boolean not null default true,
  add column caption        boolean not null default true;
