-- An operator may suspend an account: no sign-in, no API, no new videos, until reinstated.
alter table users add column suspended_at timestamptz;
alter table users add column suspension_reason text;
create index users_display_name_idx on users (lower(display_name));
