-- An upload's original file, kept only when its owner asks (default: deleted once sanitised).
-- It still carries its metadata (location, camera); it is delivered to the owner alone and
-- deleted with the upload.
alter table media_uploads
  add column original_key   text,
  add column original_type  text,
  add column original_bytes bigint not null default 0;
